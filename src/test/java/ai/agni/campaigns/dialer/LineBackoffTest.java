package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineBackoffTest {

  private static final Instant T0 = Instant.parse("2026-03-20T10:00:00Z");

  @Test
  void withoutRetryAfterTheBackOffStartsAt30sAndDoublesTo10Min() {
    assertThat(LineBackoff.doubling(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(LineBackoff.doubling(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(LineBackoff.doubling(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(LineBackoff.doubling(4)).isEqualTo(Duration.ofSeconds(240));
    assertThat(LineBackoff.doubling(5)).isEqualTo(Duration.ofSeconds(480));
    assertThat(LineBackoff.doubling(6)).isEqualTo(Duration.ofMinutes(10));
    assertThat(LineBackoff.doubling(60)).isEqualTo(Duration.ofMinutes(10));
    assertThat(LineBackoff.doubling(0))
        .as("never below the first")
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void eachFailureAfterTheLastBackOffEndedDoublesIt() {
    LineBackoff first = LineBackoff.next(null, null, T0);
    assertThat(first).isEqualTo(new LineBackoff(T0.plusSeconds(30), 1));
    Instant retried = first.blockedUntil().plusSeconds(1);
    LineBackoff second = LineBackoff.next(first, null, retried);
    assertThat(second).isEqualTo(new LineBackoff(retried.plusSeconds(60), 2));
  }

  @Test
  void callsInFlightWhenTheTrunkWentDownShareOneBackOff() {
    LineBackoff first = LineBackoff.next(null, null, T0);
    LineBackoff again = LineBackoff.next(first, null, T0.plusMillis(200));
    assertThat(again).as("failures of calls placed before the back-off").isEqualTo(first);
  }

  @Test
  void retryAfterIsHonouredAndNeverShortensARunningBackOff() {
    LineBackoff asked = LineBackoff.next(null, Duration.ofSeconds(5), T0);
    assertThat(asked).isEqualTo(new LineBackoff(T0.plusSeconds(5), 1));

    LineBackoff longer = LineBackoff.next(asked, Duration.ofSeconds(120), T0.plusSeconds(1));
    assertThat(longer.blockedUntil()).isEqualTo(T0.plusSeconds(121));
    LineBackoff shorter = LineBackoff.next(longer, Duration.ofSeconds(1), T0.plusSeconds(2));
    assertThat(shorter.blockedUntil()).isEqualTo(T0.plusSeconds(121));
  }

  @Test
  void anAbsurdRetryAfterIsCappedAtOneHourAndANegativeOneIgnored() {
    assertThat(LineBackoff.next(null, Duration.ofDays(30), T0).blockedUntil())
        .isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(LineBackoff.next(null, Duration.ofSeconds(-5), T0).blockedUntil())
        .isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void aTrunkThatRecoveredStartsAgainAtTheFirstBackOff() {
    LineBackoff fifth = new LineBackoff(T0, 5);
    Instant muchLater = T0.plus(Duration.ofMinutes(11));
    assertThat(LineBackoff.next(fifth, null, muchLater))
        .isEqualTo(new LineBackoff(muchLater.plusSeconds(30), 1));
    Instant soon = T0.plus(Duration.ofMinutes(9));
    assertThat(LineBackoff.next(fifth, null, soon).failures()).isEqualTo(6);
  }
}
