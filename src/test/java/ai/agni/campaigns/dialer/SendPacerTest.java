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
    for (int ms : new int[] {0, 100, 500}) {
      assertThat(pacer.admit(rates, T0.plusMillis(ms))).isNull();
      pacer.sent(rates, T0.plusMillis(ms));
    }
  }

  @Test
  void aSlowSendHoldsTheNextCallUntilOneIntervalAfterItReturned() {
    SendPacer pacer = new SendPacer();
    Map<String, Double> rates = Map.of("org:a", 10.0);
    assertThat(pacer.admit(rates, T0)).isNull();
    assertThat(pacer.admit(rates, T0.plusMillis(150)))
        .as("the first call is still being sent")
        .isEqualTo(T0.plusMillis(151));
    pacer.sent(rates, T0.plusMillis(160));
    assertThat(pacer.admit(rates, T0.plusMillis(161))).isEqualTo(T0.plusMillis(260));
    assertThat(pacer.admit(rates, T0.plusMillis(260))).isNull();
  }

  @Test
  void overdueCallsThatArriveTogetherLeaveSpacedByTheTightestRate() {
    SendPacer pacer = new SendPacer();
    Map<String, Double> rates = Map.of("org:a", 10.0, "campaign:c", 4.0);
    List<Instant> sent = new ArrayList<>();
    List<Instant> asking = new ArrayList<>(List.of(T0, T0, T0, T0, T0));
    while (!asking.isEmpty()) {
      Instant at = asking.remove(0);
      Instant retry = pacer.admit(rates, at);
      if (retry == null) {
        sent.add(at);
        pacer.sent(rates, at);
      } else {
        asking.add(retry);
      }
    }
    assertThat(sent)
        .containsExactly(
            T0, T0.plusMillis(250), T0.plusMillis(500), T0.plusMillis(750), T0.plusMillis(1000));
    for (Instant start : sent) {
      long inWindow =
          sent.stream().filter(s -> !s.isBefore(start) && s.isBefore(start.plusSeconds(1))).count();
      assertThat(inWindow).as("at most 4 in any second").isLessThanOrEqualTo(4);
    }
  }

  @Test
  void aCallTooSoonIsToldWhenToAskAgainAndNotCounted() {
    SendPacer pacer = new SendPacer();
    Map<String, Double> rates = Map.of("org:a", 10.0);
    assertThat(pacer.admit(rates, T0)).isNull();
    pacer.sent(rates, T0);
    assertThat(pacer.admit(rates, T0.plusMillis(30))).isEqualTo(T0.plusMillis(100));
    assertThat(pacer.admit(rates, T0.plusMillis(60))).isEqualTo(T0.plusMillis(100));
    assertThat(pacer.admit(rates, T0.plusMillis(100))).isNull();
  }

  @Test
  void bucketsAreSharedAcrossCampaignsOfOneOrganization() {
    SendPacer pacer = new SendPacer();
    assertThat(pacer.admit(Map.of("org:a", 2.0, "campaign:x", 100.0), T0)).isNull();
    pacer.sent(Map.of("org:a", 2.0, "campaign:x", 100.0), T0);
    assertThat(pacer.admit(Map.of("org:a", 2.0, "campaign:y", 100.0), T0))
        .isEqualTo(T0.plusMillis(500));
    assertThat(pacer.admit(Map.of("org:b", 2.0), T0)).as("another organization").isNull();
  }
}
