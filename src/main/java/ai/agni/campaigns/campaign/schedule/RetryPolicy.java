package ai.agni.campaigns.campaign.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a contact whose attempt did not connect may be called again: {@code retryGapMin} after the
 * end of the attempt, moved into the next open window, while {@code attemptsMade < 1 +
 * retryAttempts}.
 */
public final class RetryPolicy {

  private RetryPolicy() {}

  /**
   * The instant of the next attempt, or empty when attempts are exhausted or the window never opens
   * again.
   */
  public static Optional<Instant> nextAttemptAt(
      int attemptsMade,
      int retryAttempts,
      int retryGapMin,
      Instant attemptEndedAt,
      DailyWindow window,
      ZoneId zone) {
    if (attemptsMade >= 1 + retryAttempts) {
      return Optional.empty();
    }
    Instant earliest = attemptEndedAt.plus(Duration.ofMinutes(retryGapMin));
    return CallingWindow.nextOpen(window, zone, earliest);
  }
}
