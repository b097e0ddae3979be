package ai.agni.campaigns.dialer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds calls-per-second caps at the moment a call leaves this node, not only on the slot the claim
 * reserved. Slots are spaced by the shared buckets, but a timer that fires late (a pause, a busy
 * core), or a send that is slow (the first call warms the SIP stack), would let calls leave
 * together. So the adapter asks just before it sends: a call is admitted only when, for each of its
 * buckets, no send is under way and the last one finished at least one interval ago; otherwise the
 * pacer names the instant to ask again. Calls whose slots are on time pass at once.
 */
final class SendPacer {

  /** How soon to ask again while another call of a bucket is being sent. */
  private static final Duration WHILE_SENDING = Duration.ofMillis(1);

  /** Buckets idle this long are forgotten (their next send is long past). */
  private static final long FORGET_AFTER_SECONDS = 60;

  private static final int PRUNE_ABOVE = 10_000;

  private final Map<String, Instant> nextFree = new HashMap<>();
  private final Map<String, Integer> sending = new HashMap<>();

  /**
   * Admits a call using these buckets (bucket key to calls per second) at {@code now}: null when it
   * may leave now (it then counts as being sent until {@link #sent}), else the instant to ask
   * again.
   */
  synchronized Instant admit(Map<String, Double> rates, Instant now) {
    Instant at = null;
    for (String key : rates.keySet()) {
      if (sending.getOrDefault(key, 0) > 0) {
        return now.plus(WHILE_SENDING);
      }
      Instant free = nextFree.get(key);
      if (free != null && free.isAfter(now) && (at == null || free.isAfter(at))) {
        at = free;
      }
    }
    if (at != null) {
      return at;
    }
    for (Map.Entry<String, Double> rate : rates.entrySet()) {
      nextFree.put(rate.getKey(), now.plus(CapacityPlanner.interval(rate.getValue())));
      sending.merge(rate.getKey(), 1, Integer::sum);
    }
    if (nextFree.size() > PRUNE_ABOVE) {
      Instant stale = now.minusSeconds(FORGET_AFTER_SECONDS);
      nextFree.values().removeIf(free -> free.isBefore(stale));
    }
    return null;
  }

  /** An admitted call's send returned at {@code at}: the next may leave one interval after it. */
  synchronized void sent(Map<String, Double> rates, Instant at) {
    for (Map.Entry<String, Double> rate : rates.entrySet()) {
      String key = rate.getKey();
      Instant after = at.plus(CapacityPlanner.interval(rate.getValue()));
      nextFree.merge(key, after, (a, b) -> a.isAfter(b) ? a : b);
      sending.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }
  }
}
