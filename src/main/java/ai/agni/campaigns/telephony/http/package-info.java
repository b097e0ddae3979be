/**
 * The {@code http} adapter (docs/api.md §11): the agent runtime places the call itself. For each
 * attempt the service POSTs the call, signed with the number's {@code runtime_secret}, to its
 * {@code runtime_url}; the runtime reports progress to {@code POST /api/v1/calling/call-events},
 * signed with the same secret, on whichever node it reaches. No HTTP-client type leaves this
 * package.
 */
package ai.agni.campaigns.telephony.http;
