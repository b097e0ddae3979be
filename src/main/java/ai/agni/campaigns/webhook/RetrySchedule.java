package ai.agni.campaigns.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a failed delivery is tried again (docs/api.md §8): 30 s, 2 min, 10 min, 1 h and 6 h after
 * the first five failures; the sixth failure makes it dead. Pure.
 */
final class RetrySchedule {

  static final List<Duration> GAPS =
      List.of(
          Duration.ofSeconds(30),
          Duration.ofMinutes(2),
          Duration.ofMinutes(10),
          Duration.ofHours(1),
          Duration.ofHours(6));

  private RetrySchedule() {}

  /** The next try after failed try number {@code attempts} (1-based), or null: dead. */
  static Instant nextAttemptAt(int attempts, Instant failedAt) {
    return attempts >= 1 && attempts <= GAPS.size() ? failedAt.plus(GAPS.get(attempts - 1)) : null;
  }
}
