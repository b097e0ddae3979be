package ai.agni.campaigns.testsupport;

import ai.agni.campaigns.platform.TaskTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A {@link TaskTimer} that tests step: nothing runs until {@link #runDue} or {@link #runUntil} is
 * called, on the calling thread, in due-time order (ties in scheduling order). Thread-safe for
 * scheduling from other threads.
 */
public final class ManualTaskTimer implements TaskTimer {

  private record Entry(Instant at, long sequence, Runnable task) {}

  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(Comparator.comparing(Entry::at).thenComparingLong(Entry::sequence));
  private long sequence;

  @Override
  public synchronized void schedule(Instant at, Runnable task) {
    queue.add(new Entry(at, sequence++, task));
  }

  /**
   * Runs every task due at or before {@code now}, including those that due tasks schedule, and
   * returns how many ran.
   */
  public int runDue(Instant now) {
    int ran = 0;
    for (Entry entry = pollDue(now); entry != null; entry = pollDue(now)) {
      entry.task().run();
      ran++;
    }
    return ran;
  }

  /**
   * Moves {@code clock} to each due task's instant before running it, up to {@code until}, then
   * leaves the clock at {@code until}; so tasks that read the clock see their own due time.
   */
  public int runUntil(MutableClock clock, Instant until) {
    int ran = 0;
    for (Entry entry = pollDue(until); entry != null; entry = pollDue(until)) {
      if (entry.at().isAfter(clock.instant())) {
        clock.set(entry.at());
      }
      entry.task().run();
      ran++;
    }
    if (until.isAfter(clock.instant())) {
      clock.set(until);
    }
    return ran;
  }

  /** {@link #runUntil} the clock's current instant plus {@code duration}. */
  public int advance(MutableClock clock, Duration duration) {
    return runUntil(clock, clock.instant().plus(duration));
  }

  public synchronized Optional<Instant> nextDueAt() {
    return Optional.ofNullable(queue.peek()).map(Entry::at);
  }

  public synchronized int pending() {
    return queue.size();
  }

  private synchronized Entry pollDue(Instant now) {
    Entry head = queue.peek();
    return head != null && !head.at().isAfter(now) ? queue.poll() : null;
  }
}
