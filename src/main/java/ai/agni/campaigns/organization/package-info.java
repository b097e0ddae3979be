/**
 * Organizations (tenants) and their API keys: bootstrap on first start, admin creation, key issuing
 * and revocation, and the filter that turns {@code X-Api-Key} into a {@link
 * ai.agni.campaigns.api.Tenant}. Keys are stored only as SHA-256 hashes.
 */
package ai.agni.campaigns.organization;
