package ai.agni.campaigns.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FrequencyCap#nextFree} against brute force: the first minute {@code t >= from} at which,
 * for every cap, fewer than {@code maxCalls} dials lie in {@code (t - perHours, t]}.
 */
class FrequencyCapTest {

  private static final Instant FROM = Instant.parse("2026-03-08T12:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static Instant bruteForce(
      List<FrequencyCap> caps, Collection<Instant> dials, Instant from) {
    Duration longest = FrequencyCap.longest(caps);
    for (Instant t = from; !t.isAfter(from.plus(longest).plus(MINUTE)); t = t.plus(MINUTE)) {
      boolean free = true;
      for (FrequencyCap cap : caps) {
        Instant windowStart = t.minus(Duration.ofHours(cap.perHours()));
        final Instant at = t;
        long inWindow =
            dials.stream().filter(d -> d.isAfter(windowStart) && !d.isAfter(at)).count();
        free &= inWindow < cap.maxCalls();
      }
      if (free) {
        return t;
      }
    }
    throw new AssertionError("no free minute within the longest period");
  }

  @Test
  void randomHistoriesAgreeWithBruteForce() {
    Random random = new Random(20260308L);
    List<FrequencyCap> pool =
        List.of(
            new FrequencyCap(1, 1),
            new FrequencyCap(1, 24),
            new FrequencyCap(2, 3),
            new FrequencyCap(3, 24),
            new FrequencyCap(5, 48),
            new FrequencyCap(4, 2));
    for (int round = 0; round < 400; round++) {
      List<FrequencyCap> caps = new ArrayList<>();
      for (FrequencyCap cap : pool) {
        if (random.nextInt(3) == 0) {
          caps.add(cap);
        }
      }
      List<Instant> dials = new ArrayList<>();
      int count = random.nextInt(12);
      for (int i = 0; i < count; i++) {
        // minutes back, biased towards whole hours so boundaries are hit exactly
        int minutesBack =
            random.nextBoolean() ? 60 * random.nextInt(50) : random.nextInt(50 * 60 + 1);
        dials.add(FROM.minus(Duration.ofMinutes(minutesBack)));
      }
      String context = "caps " + caps + " dials " + dials;
      assertThat(FrequencyCap.nextFree(caps, dials, FROM))
          .as(context)
          .isEqualTo(bruteForce(caps, dials, FROM));
    }
  }

  @Test
  void boundaries() {
    FrequencyCap onePerHour = new FrequencyCap(1, 1);
    // A dial exactly perHours before no longer shares the window.
    assertThat(
            FrequencyCap.nextFree(
                List.of(onePerHour), List.of(FROM.minus(Duration.ofHours(1))), FROM))
        .isEqualTo(FROM);
    // A dial a minute later does: free an hour after it.
    Instant dial = FROM.minus(Duration.ofMinutes(59));
    assertThat(FrequencyCap.nextFree(List.of(onePerHour), List.of(dial), FROM))
        .isEqualTo(dial.plus(Duration.ofHours(1)));
    // A dial at from itself.
    assertThat(FrequencyCap.nextFree(List.of(onePerHour), List.of(FROM), FROM))
        .isEqualTo(FROM.plus(Duration.ofHours(1)));
    // No caps, no dials.
    assertThat(FrequencyCap.nextFree(List.of(), List.of(FROM), FROM)).isEqualTo(FROM);
    assertThat(FrequencyCap.nextFree(List.of(onePerHour), List.of(), FROM)).isEqualTo(FROM);
    // Two caps: the later of their answers; duplicate dials count twice.
    List<Instant> dials =
        List.of(
            FROM.minus(Duration.ofHours(20)),
            FROM.minus(Duration.ofHours(2)),
            FROM.minus(Duration.ofHours(2)));
    List<FrequencyCap> caps = List.of(new FrequencyCap(2, 3), new FrequencyCap(3, 24));
    assertThat(FrequencyCap.nextFree(caps, dials, FROM))
        .isEqualTo(FROM.plus(Duration.ofHours(4)))
        .isEqualTo(bruteForce(caps, dials, FROM));
    assertThat(FrequencyCap.longest(caps)).isEqualTo(Duration.ofHours(24));
    assertThat(FrequencyCap.longest(List.of())).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> new FrequencyCap(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FrequencyCap(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStoredFormRoundTripsAndBadValuesAreRefused() {
    List<FrequencyCap> caps = List.of(new FrequencyCap(2, 24), new FrequencyCap(10_000, 8_760));
    String json = FrequencyCap.toJson(caps);
    assertThat(json)
        .isEqualTo("[{\"max_calls\":2,\"per_hours\":24},{\"max_calls\":10000,\"per_hours\":8760}]");
    assertThat(FrequencyCap.parseJson(json)).isEqualTo(caps);
    assertThat(FrequencyCap.parseJson("[]")).isEmpty();
    assertThat(FrequencyCap.parseJson(null)).isEmpty();
    for (String bad : new String[] {"{", "[{\"max_calls\":0,\"per_hours\":1}]", "[{}]"}) {
      assertThatThrownBy(() -> FrequencyCap.parseJson(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new FrequencyCap(10_001, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FrequencyCap(1, 8_761))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
