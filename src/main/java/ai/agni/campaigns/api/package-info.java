/**
 * Cross-cutting HTTP: the {@code {success, message, data}} envelope, typed API exceptions and their
 * mapping to 4xx envelopes (bounded in size by {@link ai.agni.campaigns.api.ApiError}), API-key
 * authentication, the rate limits per key and per failing client address, the lenient request
 * reader that accepts both casings, paging, and the filters that make every path work with and
 * without a trailing slash, mark every answer {@code no-store}, and turn the servlet container's
 * own answers ({@code /error}, malformed request targets) into the envelope.
 */
package ai.agni.campaigns.api;
