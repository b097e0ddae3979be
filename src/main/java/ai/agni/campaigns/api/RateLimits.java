package ai.agni.campaigns.api;

import io.github.bucket4j.Bandwidth;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The two rate limits of docs/api.md §1.12, per node, in memory: requests per API key, and failed
 * authentications per client address.
 *
 * <p>Only failed attempts count against an address, and only they are refused: a request with a
 * valid key is served even from an address that is over its limit. why: a real user behind the same
 * NAT or proxy as an attacker guessing keys must not be locked out by the attacker.
 */
@Component
public class RateLimits {

  private final RateLimitProperties properties;
  private final RateLimiter perKey;
  private final RateLimiter failedAuth;

  RateLimits(RateLimitProperties properties, Clock clock) {
    this.properties = properties;
    ClockTimeMeter time = new ClockTimeMeter(clock);
    this.perKey =
        properties.perKey() == 0
            ? null
            : new RateLimiter(
                Bandwidth.builder()
                    .capacity(properties.burst())
                    .refillGreedy(properties.perKey(), Duration.ofSeconds(1))
                    .build(),
                time,
                properties.maxTracked());
    this.failedAuth =
        properties.failedAuthPerMinute() == 0
            ? null
            : new RateLimiter(
                Bandwidth.builder()
                    .capacity(properties.failedAuthPerMinute())
                    .refillGreedy(properties.failedAuthPerMinute(), Duration.ofMinutes(1))
                    .build(),
                time,
                properties.maxTracked());
  }

  /** Counts one request authenticated with this key; the 429 to answer when it is one too many. */
  public Optional<RateLimitedException> request(UUID apiKeyId) {
    if (perKey == null) {
      return Optional.empty();
    }
    return perKey
        .tryAcquire(apiKeyId.toString())
        .map(
            wait ->
                new RateLimitedException(
                    "Too many requests with this API key (limit "
                        + properties.perKey()
                        + " per second, bursts of "
                        + properties.burst()
                        + ")",
                    wait));
  }

  /**
   * Counts one failed authentication (missing, unknown or revoked key, wrong admin token) from the
   * request's client address; the 429 to answer instead of the 401 when it is one too many. Behind
   * a reverse proxy the address is the proxy's unless {@code server.forward-headers-strategy} is
   * set.
   */
  public Optional<RateLimitedException> failedAuthentication(HttpServletRequest request) {
    if (failedAuth == null) {
      return Optional.empty();
    }
    return failedAuth
        .tryAcquire(request.getRemoteAddr())
        .map(
            wait ->
                new RateLimitedException(
                    "Too many failed authentications from this address (limit "
                        + properties.failedAuthPerMinute()
                        + " per minute)",
                    wait));
  }
}
