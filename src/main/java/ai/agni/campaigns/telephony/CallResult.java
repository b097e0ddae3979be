package ai.agni.campaigns.telephony;

import java.time.Instant;

/**
 * How a call ended.
 *
 * @param reason the disconnect reason ({@code invalid_number}, {@code carrier_error}, {@code
 *     hangup}, ...), or null
 * @param retryable false for failures that must not be retried ({@code invalid_number}, {@code
 *     dnc})
 * @param answeredAt when a person or machine answered, or null
 * @param endedAt when the call ended
 */
public record CallResult(
    CallOutcome outcome, String reason, boolean retryable, Instant answeredAt, Instant endedAt) {}
