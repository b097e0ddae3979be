package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.MutableClock;
import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The limiter's memory bound and wait times, without HTTP: what a flood cannot be shown through.
 */
class RateLimiterTest {

  private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");

  @Test
  void aFloodOfDistinctSubjectsKeepsOnlyTheMostRecentlySeen() {
    RateLimiter limiter =
        new RateLimiter(
            Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofMinutes(1)).build(),
            new ClockTimeMeter(clock),
            1_000);
    for (int i = 0; i < 100_000; i++) {
      limiter.tryAcquire("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
    }
    assertThat(limiter.tracked()).isEqualTo(1_000);
    assertThat(limiter.tryAcquire("10.1.134.159")).as("the last subject is remembered").isPresent();
    assertThat(limiter.tryAcquire("10.0.0.0")).as("the first was forgotten").isEmpty();
  }

  @Test
  void theTwentyFirstFailureInAMinuteWaitsThreeSecondsForTheNext() {
    RateLimits limits = new RateLimits(RateLimitProperties.defaults(), clock);
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("192.0.2.7");
    for (int i = 0; i < 20; i++) {
      assertThat(limits.failedAuthentication(request)).as("failure %d", i + 1).isEmpty();
    }
    Optional<RateLimitedException> limited = limits.failedAuthentication(request);
    assertThat(limited).isPresent();
    assertThat(limited.get().retryAfterSeconds()).isEqualTo(3);

    clock.advance(Duration.ofSeconds(3));
    assertThat(limits.failedAuthentication(request)).isEmpty();
    assertThat(limits.failedAuthentication(request)).isPresent();
  }

  @Test
  void theDefaultsAreFiftyPerSecondInBurstsOfAHundred() {
    RateLimits limits = new RateLimits(RateLimitProperties.defaults(), clock);
    UUID key = UUID.randomUUID();
    for (int i = 0; i < 100; i++) {
      assertThat(limits.request(key)).as("request %d", i + 1).isEmpty();
    }
    RateLimitedException limited = limits.request(key).orElseThrow();
    assertThat(limited.retryAfterSeconds()).isEqualTo(1);
    assertThat(limited.getMessage()).contains("50 per second", "bursts of 100");

    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 50; i++) {
      assertThat(limits.request(key)).as("after 1 s, %d", i + 1).isEmpty();
    }
    assertThat(limits.request(key)).isPresent();
  }

  @Test
  void zeroTurnsALimitOff() {
    RateLimits limits = new RateLimits(new RateLimitProperties(0, null, 0, null), clock);
    MockHttpServletRequest request = new MockHttpServletRequest();
    UUID key = UUID.randomUUID();
    for (int i = 0; i < 1_000; i++) {
      assertThat(limits.request(key)).isEmpty();
      assertThat(limits.failedAuthentication(request)).isEmpty();
    }
  }
}
