package ai.agni.campaigns.api;

import java.time.Duration;
import java.util.List;

/** 429 {@code RATE_LIMITED}, with the whole seconds (at least 1) for {@code Retry-After}. */
public class RateLimitedException extends ApiException {

  private final long retryAfterSeconds;

  public RateLimitedException(String reason, Duration wait) {
    super(ErrorCode.RATE_LIMITED, reason + "; retry after " + wholeSeconds(wait) + " s", List.of());
    this.retryAfterSeconds = wholeSeconds(wait);
  }

  /** The value of the {@code Retry-After} header. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static long wholeSeconds(Duration wait) {
    long nanos = Math.max(0, wait.toNanos());
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
