package ai.agni.campaigns.telephony;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Everything an adapter needs to place one call.
 *
 * @param sessionId the call session id; adapters use it as their correlation id
 * @param from caller ID, E.164
 * @param to callee, E.164
 * @param ringTimeout ring longer than this and the call is {@code no_answer}
 * @param maxDuration hang up an answered call after this long
 * @param variables the contact's dynamic variables for the agent
 * @param route where the provider is reached (SIP trunk URI or runtime URL and credentials)
 */
public record CallRequest(
    UUID sessionId,
    UUID organizationId,
    UUID campaignId,
    UUID contactId,
    UUID agentId,
    String from,
    String to,
    Duration ringTimeout,
    Duration maxDuration,
    Map<String, String> variables,
    Map<String, String> route) {}
