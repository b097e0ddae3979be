package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendPacerTest {

  private static final Instant T0 = Instant.parse("2026-03-20T10:00:00Z");

  @Test
  void callsOnTimeLeaveAtOnce() {
    SendPacer pacer = new SendPacer();
    Map<String, Double> rates = Map.of("org:a", 10.0);
    assertThat(pacer.reserve(rates, T0)).isEqualTo(T0);
    assertThat(pacer.reserve(rates, T0.plusMillis(100))).isEqualTo(T0.plusMillis(100));
    assertThat(pacer.reserve(rates, T0.plusMillis(500))).isEqualTo(T0.plusMillis(500));
  }

  @Test
  void overdueCallsThatArriveTogetherLeaveSpacedByTheTightestRate() {
    SendPacer pacer = new SendPacer();
    Map<String, Double> rates = Map.of("org:a", 10.0, "campaign:c", 4.0);
    List<Instant> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add(pacer.reserve(rates, T0));
    }
    assertThat(sent)
        .containsExactly(
            T0, T0.plusMillis(250), T0.plusMillis(500), T0.plusMillis(750), T0.plusMillis(1000));
    // In any one-second window at most 4 leave.
    for (Instant start : sent) {
      long inWindow =
          sent.stream().filter(s -> !s.isBefore(start) && s.isBefore(start.plusSeconds(1))).count();
      assertThat(inWindow).isLessThanOrEqualTo(4);
    }
  }

  @Test
  void bucketsAreSharedAcrossCampaignsOfOneOrganization() {
    SendPacer pacer = new SendPacer();
    assertThat(pacer.reserve(Map.of("org:a", 2.0, "campaign:x", 100.0), T0)).isEqualTo(T0);
    assertThat(pacer.reserve(Map.of("org:a", 2.0, "campaign:y", 100.0), T0))
        .isEqualTo(T0.plusMillis(500));
    assertThat(pacer.reserve(Map.of("org:b", 2.0), T0)).as("another organization").isEqualTo(T0);
  }
}
