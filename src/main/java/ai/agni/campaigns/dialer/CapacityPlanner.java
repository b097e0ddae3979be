package ai.agni.campaigns.dialer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, for one organization at one poll, how many calls each of its demands (campaigns, queued
 * single calls) may start and at which instants. Pure: live counts and bucket states in, slots out.
 *
 * <p>Slots are handed out one at a time round-robin over the demands, so campaigns of one
 * organization share its capacity fairly and a large campaign never starves a small one. A slot
 * needs a free place under every concurrency cap (demand, number, organization) and the next free
 * instant of every calls-per-second bucket it uses; slots are reserved only within the horizon.
 * Bucket spacing is rounded up to whole microseconds (the databases' precision), so no one-second
 * interval ever holds more starts than the rate allows.
 */
final class CapacityPlanner {

  private CapacityPlanner() {}

  /**
   * What one demand wants.
   *
   * @param ownBucket its own rate bucket key, or null
   * @param ownCps its own rate (calls per second), ignored without a bucket
   * @param ownFree free places under its own concurrency cap
   * @param wanted how many due calls it has (at most a batch)
   */
  record Demand(
      Object key, String ownBucket, double ownCps, int ownFree, PhoneLine line, int wanted) {}

  /**
   * The result: slot instants per demand key, the buckets' new next-free instants, and the demands
   * a calls-per-second bucket stopped (no free instant within the horizon).
   */
  record Plan(
      Map<Object, List<Instant>> slots, Map<String, Instant> nextFree, Set<Object> rateBound) {

    int slotsOf(Object key) {
      return slots.getOrDefault(key, List.of()).size();
    }

    boolean cpsBound() {
      return !rateBound.isEmpty();
    }
  }

  static Plan plan(
      Instant now,
      Duration horizon,
      OrgLimits org,
      int orgLive,
      Map<UUID, Integer> liveByLine,
      List<Demand> demands,
      Map<String, Instant> lockedBuckets) {
    Instant start = ceilMicros(now);
    Instant horizonEnd = start.plus(horizon);
    Map<String, Instant> next = new HashMap<>();
    lockedBuckets.forEach((k, v) -> next.put(k, v.isBefore(start) ? start : v));
    Map<Object, List<Instant>> slots = new HashMap<>();
    Map<UUID, Integer> lineFree = new HashMap<>();
    int orgFree = org.maxConcurrent() - orgLive;
    boolean[] done = new boolean[demands.size()];
    Set<Object> rateBound = new HashSet<>();
    boolean progress = true;
    String orgKey = ThrottleBucketRepository.orgKey(org.organizationId());
    while (progress && orgFree > 0) {
      progress = false;
      for (int i = 0; i < demands.size() && orgFree > 0; i++) {
        Demand d = demands.get(i);
        List<Instant> mine = slots.computeIfAbsent(d.key(), k -> new ArrayList<>());
        int free = lineFree.computeIfAbsent(d.line().id(), id -> lineCap(d.line(), liveByLine));
        if (done[i] || mine.size() >= Math.min(d.wanted(), d.ownFree()) || free <= 0) {
          done[i] = true;
          continue;
        }
        Map<String, Double> rates = rates(org, d);
        Instant at = start;
        for (String key : rates.keySet()) {
          Instant bucket = next.getOrDefault(key, start);
          at = bucket.isAfter(at) ? bucket : at;
        }
        if (!at.isBefore(horizonEnd)) {
          done[i] = true;
          rateBound.add(d.key());
          continue;
        }
        mine.add(at);
        for (Map.Entry<String, Double> rate : rates.entrySet()) {
          next.put(rate.getKey(), at.plus(slotInterval(rate.getValue())));
        }
        lineFree.put(d.line().id(), free - 1);
        orgFree--;
        progress = true;
      }
    }
    next.keySet().retainAll(lockedBuckets.keySet());
    return new Plan(slots, next, rateBound);
  }

  private static int lineCap(PhoneLine line, Map<UUID, Integer> liveByLine) {
    int live = liveByLine.getOrDefault(line.id(), 0);
    return line.maxConcurrent() == null ? Integer.MAX_VALUE : line.maxConcurrent() - live;
  }

  /** The rate buckets (key to calls per second) that one call of this demand uses. */
  static Map<String, Double> rates(OrgLimits org, Demand d) {
    Map<String, Double> rates = new HashMap<>();
    rates.put(ThrottleBucketRepository.orgKey(org.organizationId()), org.maxCps());
    if (d.line().maxCps() != null) {
      rates.put(ThrottleBucketRepository.lineKey(d.line().id()), d.line().maxCps());
    }
    if (d.ownBucket() != null) {
      rates.put(d.ownBucket(), d.ownCps());
    }
    return rates;
  }

  /**
   * The share of each rate that slots are booked at. why below 1: the pacer holds every cap exactly
   * where calls leave ({@link SendPacer}); slots booked at the full rate would leave it no room to
   * catch up after a late timer, and calls would wait ever longer.
   */
  static final double SLOT_SHARE = 0.99;

  /** The spacing of booked slots at this rate: {@link #SLOT_SHARE} of it, in whole microseconds. */
  static Duration slotInterval(double callsPerSecond) {
    return interval(callsPerSecond * SLOT_SHARE);
  }

  /** The spacing between two starts at this rate, rounded up to a whole microsecond. */
  static Duration interval(double callsPerSecond) {
    return Duration.of((long) Math.ceil(1_000_000.0 / callsPerSecond), ChronoUnit.MICROS);
  }

  static Instant ceilMicros(Instant at) {
    Instant truncated = at.truncatedTo(ChronoUnit.MICROS);
    return truncated.equals(at) ? at : truncated.plus(1, ChronoUnit.MICROS);
  }
}
