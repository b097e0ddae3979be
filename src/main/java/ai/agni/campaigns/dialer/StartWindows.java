package ai.agni.campaigns.dialer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, at the moment of dialing, which calls may start now without any sliding window of starts
 * exceeding a calls-per-second cap. Pure: the buckets' recent starts in, the admitted calls and the
 * buckets' new starts out.
 *
 * <p>A rate of r calls per second allows {@link #callsPerWindow} starts in any window of {@link
 * #windowOf} (r ≥ 1: ⌈r⌉ in any one second; below 1: one per 1/r seconds). A bucket keeps its last
 * M ≥ N starts as a ring of M slots, start number s in slot s mod M. A new start may happen at t
 * exactly when the N-th start before it is at least a window before t: then no window [x, x + w)
 * holds more than N starts, and a call that waited (a late timer) catches up as soon as the window
 * allows, not one spacing after the previous call.
 */
final class StartWindows {

  private StartWindows() {}

  /**
   * The largest ring kept: 10,000 starts per window, the highest rate the API accepts (an
   * organization's 10,000 per second). A bucket above it (set directly in the database, as the
   * throughput benchmark does for "no cap") is held by its claim-time slots only.
   */
  static final int MAX_RING = 10_000;

  /** Whether starts at this rate are admitted against a ring at dial time. */
  static boolean heldAtDialTime(double callsPerSecond) {
    return callsPerWindow(callsPerSecond) <= MAX_RING;
  }

  static Duration windowOf(double callsPerSecond) {
    return callsPerSecond >= 1 ? Duration.ofSeconds(1) : CapacityPlanner.interval(callsPerSecond);
  }

  static int callsPerWindow(double callsPerSecond) {
    return callsPerSecond >= 1 ? (int) Math.ceil(callsPerSecond - 1e-9) : 1;
  }

  /**
   * One bucket as read under its lock: its ring's size (at least the starts one window holds, and
   * never smaller than it once was, so a rate lowered and raised again loses no start), the starts
   * one window may hold now, the number of starts so far ({@code next}, the next start's number)
   * and the slots this decision compares with (absent or null: never used).
   */
  record Ring(int size, int perWindow, Duration window, long next, Map<Integer, Instant> slots) {

    int slotOf(long start) {
      return (int) Math.floorMod(start, (long) size);
    }

    /** The start the j-th new one of this decision must be a window after: its number. */
    long comparedWith(int j) {
      return next + j - perWindow;
    }
  }

  /** The slots to read for up to {@code calls} starts of a bucket: those they are compared with. */
  static Set<Integer> slotsToRead(int size, int perWindow, long next, int calls) {
    Set<Integer> slots = new TreeSet<>();
    for (int j = 0; j < Math.min(calls, perWindow); j++) {
      long compared = next + j - perWindow;
      if (compared >= 0) {
        slots.add((int) Math.floorMod(compared, (long) size));
      }
    }
    return slots;
  }

  /**
   * The decision for calls in order (earliest slot first).
   *
   * @param admitted indexes of the calls that start at {@code now}
   * @param retryAt for each refused call, the earliest instant its buckets could admit it
   * @param written per bucket, the slots to store ({@code now}) and its new next start number
   */
  record Decision(
      List<Integer> admitted,
      Map<Integer, Instant> retryAt,
      Map<String, Map<Integer, Instant>> written,
      Map<String, Long> next) {}

  /**
   * Admits each call, in order, if every bucket it uses can take one more start at {@code now}.
   *
   * @param calls per call, the buckets it uses (each must be in {@code rings})
   */
  static Decision admit(List<Set<String>> calls, Map<String, Ring> rings, Instant now) {
    Map<String, Integer> used = new HashMap<>();
    List<Integer> admitted = new ArrayList<>();
    Map<Integer, Instant> retryAt = new LinkedHashMap<>();
    Map<String, Map<Integer, Instant>> written = new HashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      Instant freeAt = null;
      for (String key : calls.get(i)) {
        Ring ring = rings.get(key);
        int j = used.getOrDefault(key, 0);
        long compared = ring.comparedWith(j);
        Instant previous =
            j >= ring.perWindow()
                ? now
                : compared < 0 ? null : ring.slots().get(ring.slotOf(compared));
        if (previous != null && previous.plus(ring.window()).isAfter(now)) {
          Instant free = previous.plus(ring.window());
          freeAt = freeAt == null || free.isAfter(freeAt) ? free : freeAt;
        }
      }
      if (freeAt != null) {
        retryAt.put(i, freeAt);
        continue;
      }
      admitted.add(i);
      for (String key : calls.get(i)) {
        Ring ring = rings.get(key);
        int j = used.merge(key, 1, Integer::sum) - 1;
        written.computeIfAbsent(key, k -> new HashMap<>()).put(ring.slotOf(ring.next() + j), now);
      }
    }
    Map<String, Long> next = new HashMap<>();
    used.forEach((key, n) -> next.put(key, rings.get(key).next() + n));
    return new Decision(admitted, retryAt, written, next);
  }

  /**
   * A ring grown for a higher rate: the newest starts that fit (all of them when it grows), oldest
   * first, in slots 0.., and the next start number after them.
   */
  static Ring resized(List<Instant> starts, int size, Duration window) {
    List<Instant> sorted =
        starts.stream()
            .filter(s -> s != null)
            .sorted()
            .collect(ArrayList::new, List::add, List::addAll);
    List<Instant> kept = sorted.subList(Math.max(0, sorted.size() - size), sorted.size());
    Map<Integer, Instant> slots = new HashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      slots.put(i, kept.get(i));
    }
    return new Ring(size, size, window, kept.size(), slots);
  }
}
