package ai.agni.campaigns.calling;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A single call (create-call) waiting for capacity, with what the engine needs to place it.
 *
 * @param lineMaxConcurrent the number's own cap, or null
 * @param lineMaxCps the number's own rate, or null
 * @param route where the provider is reached (see {@link
 *     ai.agni.campaigns.telephony.CallRequest#route})
 */
public record WaitingCall(
    UUID sessionId,
    UUID organizationId,
    UUID agentId,
    UUID phoneNumberId,
    String phoneNumber,
    String provider,
    Integer lineMaxConcurrent,
    Double lineMaxCps,
    String to,
    Map<String, String> route,
    Duration ringTimeout,
    Duration maxDuration,
    Instant queuedAt) {}
