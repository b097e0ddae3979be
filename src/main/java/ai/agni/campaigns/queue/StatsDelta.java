package ai.agni.campaigns.queue;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one transaction changes in a campaign's counters: per state, and in {@code contacted}.
 * Summed in memory, written as one statement per campaign.
 */
final class StatsDelta {

  private final Map<QueueState, Long> byState = new EnumMap<>(QueueState.class);
  private long total;
  private long contacted;

  /** A contact moved from one state to another (checked against the transition table). */
  StatsDelta move(QueueState from, QueueState to) {
    QueueState.check(from, to);
    return add(from, -1).add(to, 1);
  }

  StatsDelta added(QueueState state, long count) {
    total += count;
    return add(state, count);
  }

  StatsDelta removed(QueueState state, boolean wasContacted) {
    total--;
    contacted -= wasContacted ? 1 : 0;
    return add(state, -1);
  }

  StatsDelta contacted(long count) {
    contacted += count;
    return this;
  }

  /** Adds another delta's changes to this one. */
  StatsDelta plus(StatsDelta other) {
    total += other.total;
    contacted += other.contacted;
    other.byState.forEach(this::add);
    return this;
  }

  private StatsDelta add(QueueState state, long count) {
    byState.merge(state, count, Long::sum);
    return this;
  }

  long total() {
    return total;
  }

  long contacted() {
    return contacted;
  }

  long of(QueueState state) {
    return byState.getOrDefault(state, 0L);
  }

  boolean isEmpty() {
    return total == 0 && contacted == 0 && byState.values().stream().allMatch(v -> v == 0);
  }
}
