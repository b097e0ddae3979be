package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendPacerTest {

  private static final Instant T0 = Instant.parse("2026-03-20T10:00:00Z");

  /**
   * Asks for each call at its instant, as adapters do, until it is admitted; returns send times.
   */
  private static List<Instant> send(
      SendPacer pacer, Map<String, Double> rates, List<Instant> asks) {
    List<Instant> sent = new ArrayList<>();
    List<Instant> asking = new ArrayList<>(asks);
    while (!asking.isEmpty()) {
      asking.sort(null);
      Instant at = asking.remove(0);
      Instant retry = pacer.admit(rates, at);
      if (retry == null) {
        sent.add(at);
        pacer.sent(rates, at);
      } else {
        asking.add(retry);
      }
    }
    return sent;
  }

  private static int busiestSecond(List<Instant> sent) {
    int best = 0;
    for (Instant start : sent) {
      best =
          Math.max(
              best,
              (int)
                  sent.stream()
                      .filter(s -> !s.isBefore(start) && s.isBefore(start.plusSeconds(1)))
                      .count());
    }
    return best;
  }

  @Test
  void callsOnTimeLeaveAtOnce() {
    SendPacer pacer = new SendPacer();
    List<Instant> asks = List.of(T0, T0.plusMillis(100), T0.plusMillis(500));
    assertThat(send(pacer, Map.of("org:a", 10.0), asks)).isEqualTo(asks);
  }

  @Test
  void overdueCallsThatArriveTogetherNeverExceedTheCapInAnySecond() {
    SendPacer pacer = new SendPacer();
    List<Instant> asks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      asks.add(T0);
    }
    List<Instant> sent = send(pacer, Map.of("org:a", 10.0, "campaign:c", 4.0), asks);
    assertThat(sent).hasSize(12);
    assertThat(busiestSecond(sent)).isEqualTo(4);
    assertThat(sent.get(11)).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void aLateCallDoesNotDelayTheOnesAfterIt() {
    SendPacer pacer = new SendPacer();
    Map<String, Double> rates = Map.of("org:a", 20.0);
    List<Instant> asks = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      // every tenth call's timer fires 30 ms late
      asks.add(T0.plusMillis(50L * i + (i % 10 == 0 ? 30 : 0)));
    }
    List<Instant> sent = send(pacer, rates, asks);
    for (int i = 0; i < sent.size(); i++) {
      assertThat(Duration.between(asks.get(i), sent.get(i)))
          .as("call " + i + " leaves when asked")
          .isLessThanOrEqualTo(Duration.ofMillis(30));
    }
    assertThat(busiestSecond(sent)).isLessThanOrEqualTo(20);
  }

  @Test
  void aSendHoldsTheNextCallAndCountsFromWhenItReturned() {
    SendPacer pacer = new SendPacer();
    Map<String, Double> rates = Map.of("org:a", 1.0);
    assertThat(pacer.admit(rates, T0)).isNull();
    assertThat(pacer.admit(rates, T0.plusMillis(20)))
        .as("the first call is still being sent")
        .isEqualTo(T0.plusMillis(21));
    pacer.sent(rates, T0.plusMillis(40));
    assertThat(pacer.admit(rates, T0.plusMillis(1_000)))
        .as("one second after the slow send returned")
        .isEqualTo(T0.plusMillis(1_040));
    assertThat(pacer.admit(rates, T0.plusMillis(1_040))).isNull();
  }

  @Test
  void belowOneCallPerSecondCallsAreSpacedByTheInterval() {
    SendPacer pacer = new SendPacer();
    List<Instant> sent = send(pacer, Map.of("org:a", 0.5), List.of(T0, T0, T0));
    assertThat(sent).containsExactly(T0, T0.plusSeconds(2), T0.plusSeconds(4));
  }

  @Test
  void fractionalRatesHoldTheirCeilingInAnySecond() {
    assertThat(StartWindows.callsPerWindow(2.5)).isEqualTo(3);
    assertThat(StartWindows.callsPerWindow(20.0)).isEqualTo(20);
    assertThat(StartWindows.callsPerWindow(0.2)).isEqualTo(1);
    assertThat(StartWindows.windowOf(0.2)).isEqualTo(Duration.ofSeconds(5));
    assertThat(StartWindows.windowOf(3)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void bucketsAreSharedAcrossCampaignsOfOneOrganization() {
    SendPacer pacer = new SendPacer();
    Map<String, Double> x = Map.of("org:a", 1.0, "campaign:x", 100.0);
    assertThat(pacer.admit(x, T0)).isNull();
    pacer.sent(x, T0);
    assertThat(pacer.admit(Map.of("org:a", 1.0, "campaign:y", 100.0), T0.plusMillis(10)))
        .isEqualTo(T0.plusSeconds(1));
    assertThat(pacer.admit(Map.of("org:b", 1.0), T0.plusMillis(10)))
        .as("another organization")
        .isNull();
  }
}
