package ai.agni.campaigns.telephony;

import java.time.Duration;
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
 * @param disposition whether the call counts as an attempt, or what went wrong with the line
 * @param retryAfter how long the carrier asked us to wait ({@code Retry-After}), or null
 * @param providerRef the provider's id of the call (the SIP Call-ID), or null
 * @param detail the provider's final word ({@code SIP 486 Busy Here}), or null
 */
public record CallResult(
    CallOutcome outcome,
    String reason,
    boolean retryable,
    Instant answeredAt,
    Instant endedAt,
    Disposition disposition,
    Duration retryAfter,
    String providerRef,
    String detail) {

  /** Whether the call reached the callee's carrier (and so uses one of the contact's attempts). */
  public enum Disposition {
    /** The call was placed and ended: it is one attempt. */
    ATTEMPT,
    /** The trunk or runtime could not take the call (503, timer B, refused): not an attempt. */
    LINE_UNAVAILABLE,
    /** The trunk refused our credentials: not an attempt; campaigns on the number pause. */
    LINE_AUTH_FAILED
  }

  public CallResult {
    disposition = disposition == null ? Disposition.ATTEMPT : disposition;
  }

  /** An attempt that ended, without provider details. */
  public CallResult(
      CallOutcome outcome, String reason, boolean retryable, Instant answeredAt, Instant endedAt) {
    this(outcome, reason, retryable, answeredAt, endedAt, Disposition.ATTEMPT, null, null, null);
  }

  /** The line could not take the call; the contact keeps its attempt and the number backs off. */
  public static CallResult lineUnavailable(String reason, Duration retryAfter, Instant at) {
    return new CallResult(
        CallOutcome.FAILED,
        reason,
        true,
        null,
        at,
        Disposition.LINE_UNAVAILABLE,
        retryAfter,
        null,
        null);
  }

  /** The line's credentials were refused; the contact keeps its attempt. */
  public static CallResult lineAuthFailed(String reason, Instant at) {
    return new CallResult(
        CallOutcome.FAILED, reason, true, null, at, Disposition.LINE_AUTH_FAILED, null, null, null);
  }

  /** This result with the provider's call id and final word. */
  public CallResult withProvider(String ref, String finalWord) {
    return new CallResult(
        outcome, reason, retryable, answeredAt, endedAt, disposition, retryAfter, ref, finalWord);
  }

  public boolean countsAsAttempt() {
    return disposition == Disposition.ATTEMPT;
  }
}
