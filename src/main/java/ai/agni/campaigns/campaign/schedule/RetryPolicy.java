package ai.agni.campaigns.campaign.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * When a contact whose attempt did not connect may be called again: the gap after the end of the
 * attempt ({@code retryGapMin}, or its outcome's gap of {@link RetryRules}), moved to the callee's
 * next allowed instant, while {@code attemptsMade < 1 + retryAttempts}.
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
    return nextAttemptAt(
        attemptsMade,
        retryAttempts,
        retryGapMin,
        attemptEndedAt,
        LocalRules.ofWindow(window, zone),
        List.of());
  }

  /**
   * The same with every time rule of a callee: {@code gapMin} after the end, then the callee's next
   * allowed instant under {@code rules} in its {@code calleeZones}.
   */
  public static Optional<Instant> nextAttemptAt(
      int attemptsMade,
      int retryAttempts,
      int gapMin,
      Instant attemptEndedAt,
      LocalRules rules,
      List<ZoneId> calleeZones) {
    if (attemptsMade >= 1 + retryAttempts) {
      return Optional.empty();
    }
    return rules.nextOpen(calleeZones, attemptEndedAt.plus(Duration.ofMinutes(gapMin)));
  }
}
