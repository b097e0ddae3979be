package ai.agni.campaigns.calllog;

import java.time.Instant;
import java.util.UUID;

/** A campaign call at the moment it is placed: its row is written once now, once at the end. */
public record PlacedCall(
    UUID sessionId,
    UUID organizationId,
    UUID campaignId,
    UUID contactId,
    UUID agentId,
    UUID phoneNumberId,
    int attempt,
    String callerNumber,
    String calleeNumber,
    String node,
    String provider,
    Instant startedAt) {}
