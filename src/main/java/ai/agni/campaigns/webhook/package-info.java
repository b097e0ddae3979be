/**
 * Outbound webhooks (docs/api.md §8): the outbox written in the transaction of each change it
 * reports ({@link ai.agni.campaigns.webhook.WebhookOutbox}), the deliverer that sends it on threads
 * of its own, signed, at least once and in sequence order per campaign and URL, the private-address
 * rule at send time, and the endpoints of the organization's secret and its deliveries.
 */
package ai.agni.campaigns.webhook;
