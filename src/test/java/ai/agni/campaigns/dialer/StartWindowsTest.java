package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The dial-time admission: whatever the order and lateness of the attempts, no sliding window of
 * real starts ever holds more than a cap allows, at every layer at once; a call waits only as long
 * as a window is full, and late calls catch up as soon as the window frees.
 */
class StartWindowsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /** A bucket's ring kept in memory the way the repository keeps it in rows. */
  private static final class MemoryRing {
    double rate;
    int size;
    long next;
    final Map<Integer, Instant> slots = new HashMap<>();

    MemoryRing(double rate) {
      this.rate = rate;
      this.size = StartWindows.callsPerWindow(rate);
    }

    /** The rate changes; the ring grows with it, as the repository's does, and never shrinks. */
    void rate(double newRate) {
      rate = newRate;
      int perWindow = StartWindows.callsPerWindow(newRate);
      if (perWindow > size) {
        List<Instant> starts = new ArrayList<>(slots.values());
        StartWindows.Ring grown = StartWindows.resized(starts, perWindow, Duration.ofSeconds(1));
        slots.clear();
        slots.putAll(grown.slots());
        size = perWindow;
        next = grown.next();
      }
    }

    StartWindows.Ring read(int calls) {
      int perWindow = StartWindows.callsPerWindow(rate);
      Map<Integer, Instant> read = new HashMap<>();
      for (int slot : StartWindows.slotsToRead(size, perWindow, next, calls)) {
        read.put(slot, slots.get(slot));
      }
      return new StartWindows.Ring(size, perWindow, StartWindows.windowOf(rate), next, read);
    }
  }

  @Test
  void windowsOfWholeFractionalAndSlowRates() {
    assertThat(StartWindows.callsPerWindow(1)).isEqualTo(1);
    assertThat(StartWindows.callsPerWindow(2.5)).isEqualTo(3);
    assertThat(StartWindows.callsPerWindow(20.0)).isEqualTo(20);
    assertThat(StartWindows.callsPerWindow(1000)).isEqualTo(1000);
    assertThat(StartWindows.callsPerWindow(0.1)).isEqualTo(1);
    assertThat(StartWindows.windowOf(0.1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(StartWindows.windowOf(0.3)).isEqualTo(Duration.ofNanos(3_333_334_000L));
    assertThat(StartWindows.windowOf(7)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void everyRateTheApiAcceptsIsHeldAtDialTimeAndOnlyThose() {
    assertThat(StartWindows.heldAtDialTime(0.1)).isTrue();
    assertThat(StartWindows.heldAtDialTime(1000)).isTrue();
    assertThat(StartWindows.heldAtDialTime(10_000)).isTrue();
    assertThat(StartWindows.heldAtDialTime(10_000.5)).isFalse();
    assertThat(StartWindows.heldAtDialTime(1_000_000)).isFalse();
  }

  @Test
  void aFullWindowRefusesUntilItsOldestStartLeavesIt() {
    MemoryRing ring = new MemoryRing(2);
    assertThat(admit(ring, T0, 3)).containsExactly(0, 1);
    StartWindows.Decision refused =
        decide(Map.of("b", ring), List.of(Set.of("b")), T0.plusMillis(400));
    assertThat(refused.admitted()).isEmpty();
    assertThat(refused.retryAt()).containsEntry(0, T0.plusSeconds(1));
    assertThat(admit(ring, T0.plusSeconds(1), 1)).containsExactly(0);
  }

  @Test
  void lateCallsCatchUpAtOnceWhenTheWindowAllows() {
    MemoryRing ring = new MemoryRing(4);
    admit(ring, T0, 1);
    // why: three calls whose slots (0.25 s, 0.5 s, 0.75 s) passed while a timer was late start
    // together at 0.9 s: four starts in [0, 1), as the cap allows.
    assertThat(admit(ring, T0.plusMillis(900), 3)).containsExactly(0, 1, 2);
    assertThat(admit(ring, T0.plusMillis(950), 1)).isEmpty();
  }

  @Test
  void aCallIsAdmittedOnlyIfEveryLayerHasRoom() {
    MemoryRing org = new MemoryRing(3);
    MemoryRing campaignA = new MemoryRing(2);
    MemoryRing campaignB = new MemoryRing(2);
    Map<String, MemoryRing> rings = Map.of("org", org, "a", campaignA, "b", campaignB);
    List<Set<String>> calls =
        List.of(
            Set.of("org", "a"),
            Set.of("org", "a"),
            Set.of("org", "a"),
            Set.of("org", "b"),
            Set.of("org", "b"));
    StartWindows.Decision d = decide(rings, calls, T0);
    // why: a takes two (its cap), the third of a waits for a; b takes the org's last place.
    assertThat(d.admitted()).containsExactly(0, 1, 3);
    assertThat(d.retryAt()).containsOnlyKeys(2, 4);
    apply(rings, d);
    assertThat(org.next).isEqualTo(3);
    assertThat(campaignA.next).isEqualTo(2);
    assertThat(campaignB.next).isEqualTo(1);
  }

  @Test
  void aRateLoweredAndRaisedAgainForgetsNoStart() {
    MemoryRing ring = new MemoryRing(5);
    assertThat(admit(ring, T0, 5)).hasSize(5);
    ring.rate(3);
    assertThat(admit(ring, T0.plusMillis(200), 2)).as("the window holds 5 already").isEmpty();
    ring.rate(5);
    assertThat(admit(ring, T0.plusMillis(400), 2))
        .as("raised again, the five starts of [0, 1 s) are still counted")
        .isEmpty();
    assertThat(admit(ring, T0.plusSeconds(1), 5)).hasSize(5);
  }

  @Test
  void aSlowRateAllowsOneStartPerInterval() {
    MemoryRing ring = new MemoryRing(0.5);
    assertThat(admit(ring, T0, 2)).containsExactly(0);
    assertThat(admit(ring, T0.plusMillis(1999), 1)).isEmpty();
    assertThat(admit(ring, T0.plusSeconds(2), 1)).containsExactly(0);
  }

  @Test
  void aResizedRingKeepsTheNewestStartsThatFit() {
    List<Instant> starts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      starts.add(T0.plusMillis(100 * i));
    }
    starts.add(null);
    StartWindows.Ring smaller = StartWindows.resized(starts, 3, Duration.ofSeconds(1));
    assertThat(smaller.next()).isEqualTo(3);
    assertThat(smaller.slots())
        .containsEntry(0, T0.plusMillis(200))
        .containsEntry(1, T0.plusMillis(300))
        .containsEntry(2, T0.plusMillis(400));
    StartWindows.Ring larger = StartWindows.resized(starts.subList(0, 2), 4, Duration.ofSeconds(1));
    assertThat(larger.next()).isEqualTo(2);
    assertThat(larger.slots()).hasSize(2);
    assertThat(larger.comparedWith(0)).as("fewer starts than a window holds: free").isNegative();
  }

  /**
   * Thousands of random runs: calls of random campaigns arrive at random, often late, moments in
   * random groups, at random rates (fractional and below one per second included); afterwards no
   * half-open window of any layer holds more starts than its cap, and every refusal was needed (a
   * refused call really had a full window at that moment).
   */
  @Test
  void noSlidingWindowEverHoldsMoreThanTheCap() {
    Random random = new Random(20261201L);
    for (int run = 0; run < 2_000; run++) {
      double orgRate = pickRate(random);
      double[] campaignRates = {pickRate(random), pickRate(random), pickRate(random)};
      Map<String, MemoryRing> rings = new TreeMap<>();
      rings.put("org", new MemoryRing(orgRate));
      for (int c = 0; c < 3; c++) {
        rings.put("c" + c, new MemoryRing(campaignRates[c]));
      }
      Map<String, List<Instant>> starts = new HashMap<>();
      Instant now = T0;
      for (int step = 0; step < 60; step++) {
        now = now.plusMillis(random.nextInt(400));
        int size = 1 + random.nextInt(6);
        List<Set<String>> group = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          group.add(Set.of("org", "c" + random.nextInt(3)));
        }
        StartWindows.Decision d = decide(rings, group, now);
        for (Map.Entry<Integer, Instant> refused : d.retryAt().entrySet()) {
          assertThat(refused.getValue()).isAfter(now);
          boolean someLayerFull = false;
          for (String key : group.get(refused.getKey())) {
            MemoryRing ring = rings.get(key);
            List<Instant> mine = new ArrayList<>(starts.getOrDefault(key, List.of()));
            for (int admitted : d.admitted()) {
              if (group.get(admitted).contains(key)) {
                mine.add(now);
              }
            }
            Instant from = now.minus(StartWindows.windowOf(ring.rate));
            long inWindow = mine.stream().filter(s -> s.isAfter(from)).count();
            someLayerFull |= inWindow >= StartWindows.callsPerWindow(ring.rate);
          }
          assertThat(someLayerFull).as("a refused call had a full window").isTrue();
        }
        for (int admitted : d.admitted()) {
          for (String key : group.get(admitted)) {
            starts.computeIfAbsent(key, k -> new ArrayList<>()).add(now);
          }
        }
        apply(rings, d);
      }
      for (Map.Entry<String, List<Instant>> layer : starts.entrySet()) {
        MemoryRing ring = rings.get(layer.getKey());
        assertThat(peak(layer.getValue(), StartWindows.windowOf(ring.rate)))
            .as("run %d, layer %s at %s/s", run, layer.getKey(), ring.rate)
            .isLessThanOrEqualTo(StartWindows.callsPerWindow(ring.rate));
      }
    }
  }

  private static double pickRate(Random random) {
    double[] rates = {0.2, 0.5, 1, 1.5, 2, 3, 4.5, 7, 10};
    return rates[random.nextInt(rates.length)];
  }

  /** The most starts in any half-open window [s, s + length). */
  private static int peak(List<Instant> starts, Duration length) {
    List<Instant> sorted = starts.stream().sorted().toList();
    int peak = 0;
    int from = 0;
    for (int to = 0; to < sorted.size(); to++) {
      while (!sorted.get(from).plus(length).isAfter(sorted.get(to))) {
        from++;
      }
      peak = Math.max(peak, to - from + 1);
    }
    return peak;
  }

  private static List<Integer> admit(MemoryRing ring, Instant at, int calls) {
    List<Set<String>> group = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      group.add(Set.of("b"));
    }
    StartWindows.Decision d = decide(Map.of("b", ring), group, at);
    apply(Map.of("b", ring), d);
    return d.admitted();
  }

  private static StartWindows.Decision decide(
      Map<String, MemoryRing> rings, List<Set<String>> calls, Instant at) {
    Map<String, Integer> counts = new HashMap<>();
    calls.forEach(c -> c.forEach(k -> counts.merge(k, 1, Integer::sum)));
    Map<String, StartWindows.Ring> read = new HashMap<>();
    counts.forEach((key, n) -> read.put(key, rings.get(key).read(n)));
    return StartWindows.admit(calls, read, at);
  }

  private static void apply(Map<String, MemoryRing> rings, StartWindows.Decision d) {
    d.written().forEach((key, slots) -> rings.get(key).slots.putAll(slots));
    d.next().forEach((key, next) -> rings.get(key).next = next);
  }
}
