package ai.agni.campaigns.dialer;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a number stops dialing after its trunk or runtime could not take a call (docs/api.md
 * §11: honour {@code Retry-After}, else 30 s doubling to 10 min). Pure.
 *
 * <p>Calls already in flight when the trunk went down fail together; they share one back-off
 * instead of each doubling it. A number whose last back-off ended more than {@link #LONGEST} ago
 * starts again at {@link #FIRST}, so a trunk that recovered is not punished for an old outage.
 *
 * @param blockedUntil no call leaves the number before this instant
 * @param failures back-offs in a row, 1 for the first
 */
record LineBackoff(Instant blockedUntil, int failures) {

  static final Duration FIRST = Duration.ofSeconds(30);
  static final Duration LONGEST = Duration.ofMinutes(10);

  /** The longest {@code Retry-After} honoured; a larger one is taken as this. */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

  /** The back-off after one more failure at {@code now}; {@code previous} may be null. */
  static LineBackoff next(LineBackoff previous, Duration retryAfter, Instant now) {
    Duration asked = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
    if (asked != null && asked.compareTo(LONGEST_RETRY_AFTER) > 0) {
      asked = LONGEST_RETRY_AFTER;
    }
    if (previous != null && previous.blockedUntil().isAfter(now)) {
      // why: a call placed before the back-off began; it tells nothing new about the trunk.
      Instant until = asked == null ? previous.blockedUntil() : later(previous, now.plus(asked));
      return new LineBackoff(until, previous.failures());
    }
    boolean recent = previous != null && !now.isAfter(previous.blockedUntil().plus(LONGEST));
    int failures = recent ? previous.failures() + 1 : 1;
    return new LineBackoff(now.plus(asked != null ? asked : doubling(failures)), failures);
  }

  /** 30 s, 60 s, 120 s, ... at most 10 min. */
  static Duration doubling(int failures) {
    int doublings = Math.min(Math.max(failures, 1) - 1, 10);
    Duration delay = FIRST.multipliedBy(1L << doublings);
    return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
  }

  private static Instant later(LineBackoff previous, Instant candidate) {
    return candidate.isAfter(previous.blockedUntil()) ? candidate : previous.blockedUntil();
  }
}
