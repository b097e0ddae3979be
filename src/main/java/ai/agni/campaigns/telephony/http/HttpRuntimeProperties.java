package ai.agni.campaigns.telephony.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code http} adapter under {@code agni.http-runtime.*}, checked at start-up.
 *
 * @param acceptTimeoutMs how long a runtime has to answer the call's POST with a 2xx (connect
 *     included); 10 s by default (docs/api.md §11)
 * @param lostAfterMs how long past ring timeout + max duration a call may go without a final event
 *     before it ends {@code failed} / {@code runtime_lost}; 60 s by default (docs/api.md §11)
 */
@ConfigurationProperties("agni.http-runtime")
public record HttpRuntimeProperties(Long acceptTimeoutMs, Long lostAfterMs) {

  public HttpRuntimeProperties {
    acceptTimeoutMs = acceptTimeoutMs == null ? 10_000L : acceptTimeoutMs;
    lostAfterMs = lostAfterMs == null ? 60_000L : lostAfterMs;
    if (acceptTimeoutMs < 1 || acceptTimeoutMs > 600_000) {
      throw new IllegalArgumentException(
          "agni.http-runtime.accept-timeout-ms must be 1..600000: " + acceptTimeoutMs);
    }
    if (lostAfterMs < 0 || lostAfterMs > 86_400_000) {
      throw new IllegalArgumentException(
          "agni.http-runtime.lost-after-ms must be 0..86400000: " + lostAfterMs);
    }
  }

  /** The documented defaults (docs/api.md §9). */
  public static HttpRuntimeProperties defaults() {
    return new HttpRuntimeProperties(null, null);
  }

  Duration acceptTimeout() {
    return Duration.ofMillis(acceptTimeoutMs);
  }

  Duration lostAfter() {
    return Duration.ofMillis(lostAfterMs);
  }
}
