package ai.agni.campaigns.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rate limits of docs/api.md §1.12 under {@code agni.rate-limit.*}, checked at start-up. Each
 * node counts on its own: with N nodes behind a balancer a key may send up to N times the limit.
 *
 * @param perKey {@code AGNI_RATE_LIMIT_PER_KEY}: requests per second one API key may send (default
 *     50); 0 turns the per-key limit off
 * @param burst {@code AGNI_RATE_LIMIT_BURST}: how many requests one key may send at once before the
 *     per-second rate applies (default twice {@code perKey}: 100)
 * @param failedAuthPerMinute {@code AGNI_RATE_LIMIT_FAILED_AUTH_PER_MINUTE}: failed authentications
 *     one client address may make per minute before its further failures answer 429 (default 20); 0
 *     turns this limit off
 * @param maxTracked how many keys and how many addresses each limiter remembers; the least recently
 *     seen is forgotten first, so a flood of distinct keys or addresses cannot exhaust memory
 */
@ConfigurationProperties("agni.rate-limit")
public record RateLimitProperties(
    Integer perKey, Integer burst, Integer failedAuthPerMinute, Integer maxTracked) {

  public RateLimitProperties {
    perKey = perKey == null ? 50 : perKey;
    burst = burst == null ? Math.max(1, 2 * perKey) : burst;
    failedAuthPerMinute = failedAuthPerMinute == null ? 20 : failedAuthPerMinute;
    maxTracked = maxTracked == null ? 10_000 : maxTracked;
    if (perKey < 0) {
      throw new IllegalArgumentException("agni.rate-limit.per-key must be 0 or more: " + perKey);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("agni.rate-limit.burst must be 1 or more: " + burst);
    }
    if (failedAuthPerMinute < 0) {
      throw new IllegalArgumentException(
          "agni.rate-limit.failed-auth-per-minute must be 0 or more: " + failedAuthPerMinute);
    }
    if (maxTracked < 1) {
      throw new IllegalArgumentException(
          "agni.rate-limit.max-tracked must be 1 or more: " + maxTracked);
    }
  }

  /** The documented defaults (docs/api.md §1.12). */
  public static RateLimitProperties defaults() {
    return new RateLimitProperties(null, null, null, null);
  }
}
