/**
 * Cross-cutting HTTP: the {@code {success, message, data}} envelope, typed API exceptions and their
 * mapping to 4xx envelopes, API-key authentication, the lenient request reader that accepts both
 * casings, paging, and the filters that make every path work with and without a trailing slash.
 */
package ai.agni.campaigns.api;
