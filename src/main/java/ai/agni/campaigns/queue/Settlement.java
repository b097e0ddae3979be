package ai.agni.campaigns.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * The end of one attempt for its queue row: the contact moves from {@code in_progress} to {@code
 * target} (pending for a retry due at {@code nextAttemptAt}, or a final state).
 *
 * @param version the row's version while the attempt was live (the write's guard)
 * @param attempt the attempt that ended (1-based)
 * @param talkedSeconds seconds of the answered call, or null when nobody answered
 * @param attemptUsed false when the call never reached the callee's carrier (the line was down):
 *     the contact keeps the attempt, as if it had not been claimed
 */
public record Settlement(
    UUID organizationId,
    UUID campaignId,
    UUID contactId,
    long version,
    int attempt,
    QueueState target,
    Instant nextAttemptAt,
    String outcome,
    String reason,
    Integer talkedSeconds,
    Instant at,
    boolean attemptUsed) {}
