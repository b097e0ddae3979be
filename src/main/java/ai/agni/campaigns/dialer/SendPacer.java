package ai.agni.campaigns.dialer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds calls-per-second caps at the moment a call leaves this node, not only on the slot the claim
 * reserved. Slots are spaced by the shared buckets, but a timer that fires late (a pause, a busy
 * core) would send every overdue call at once; the pacer spaces them again by the same intervals,
 * per bucket. Calls whose slots are on time pass at once.
 */
final class SendPacer {

  /** Buckets idle this long are forgotten (their next send is long past). */
  private static final long FORGET_AFTER_SECONDS = 60;

  private static final int PRUNE_ABOVE = 10_000;

  private final Map<String, Instant> nextFree = new HashMap<>();

  /**
   * Reserves the earliest instant at or after {@code now} at which a call using these buckets
   * (bucket key to calls per second) may leave, and books it.
   */
  synchronized Instant reserve(Map<String, Double> rates, Instant now) {
    Instant at = CapacityPlanner.ceilMicros(now);
    for (String key : rates.keySet()) {
      Instant free = nextFree.get(key);
      if (free != null && free.isAfter(at)) {
        at = free;
      }
    }
    for (Map.Entry<String, Double> rate : rates.entrySet()) {
      nextFree.put(rate.getKey(), at.plus(CapacityPlanner.interval(rate.getValue())));
    }
    if (nextFree.size() > PRUNE_ABOVE) {
      Instant stale = now.minusSeconds(FORGET_AFTER_SECONDS);
      nextFree.values().removeIf(free -> free.isBefore(stale));
    }
    return at;
  }
}
