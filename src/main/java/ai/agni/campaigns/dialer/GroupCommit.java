package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.DatabaseFailures;
import ai.agni.campaigns.platform.TaskTimer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes items that arrive together in one batch (group commit), and keeps every item until it is
 * written. Writes run on the given executor, one at a time: a submit that finds no write under way
 * starts one, which writes everything waiting and looks again before it stops; items that arrive
 * meanwhile only join the queue. With a direct executor (tests) each item is written before {@code
 * submit} returns; with a thread of its own (production) the callers, the carriers' threads, never
 * wait for the database.
 *
 * <p>A write that fails (database unreachable, connection reset, serialization failure) puts its
 * batch back and is tried again after a back-off (100 ms doubling to 5 s), for as long as it takes.
 * The writer must be idempotent: a write whose commit succeeded although the caller saw an error is
 * written again, and must then change nothing (the engine's writes are guarded by their live row).
 * A failure that is not a database outage may be one bad item: the batch is then retried one item
 * at a time, and an item that fails alone waits at the back so the others are written; after ten
 * such failures it is given up (logged as an error).
 */
final class GroupCommit<T> {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final String what;
  private final int maxBatch;
  private final Executor executor;
  private final TaskTimer timer;
  private final Clock clock;
  private final Consumer<List<T>> writer;

  private final Object lock = new Object();
  private final ArrayDeque<T> waiting = new ArrayDeque<>();
  private final Set<T> unwritten = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<T, Integer> badTries = new IdentityHashMap<>();
  private boolean writing;
  private boolean backingOff;
  private int failures;
  private int oneByOne;
  private Instant failingSince;

  GroupCommit(
      String what,
      int maxBatch,
      Executor executor,
      TaskTimer timer,
      Clock clock,
      Consumer<List<T>> writer) {
    this.what = what;
    this.maxBatch = maxBatch;
    this.executor = executor;
    this.timer = timer;
    this.clock = clock;
    this.writer = writer;
  }

  void submit(T item) {
    boolean start;
    synchronized (lock) {
      waiting.addLast(item);
      unwritten.add(item);
      start = !writing && !backingOff;
      writing |= start;
    }
    if (start) {
      executor.execute(this::drain);
    }
  }

  /** Items submitted and not yet written (waiting, being written, or waiting for a retry). */
  List<T> unwritten() {
    synchronized (lock) {
      return new ArrayList<>(unwritten);
    }
  }

  /** Whether every submitted item has been written. */
  boolean isEmpty() {
    synchronized (lock) {
      return unwritten.isEmpty();
    }
  }

  /** Ends a back-off now (shutdown flushes without waiting for it): the next write starts. */
  void retryNow() {
    boolean start;
    synchronized (lock) {
      start = backingOff && !writing;
      if (start) {
        backingOff = false;
        writing = true;
      }
    }
    if (start) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      List<T> batch = new ArrayList<>();
      synchronized (lock) {
        int size = oneByOne > 0 ? 1 : maxBatch;
        while (batch.size() < size && !waiting.isEmpty()) {
          batch.add(waiting.pollFirst());
        }
        if (batch.isEmpty()) {
          writing = false;
          return;
        }
      }
      Throwable error = write(batch);
      synchronized (lock) {
        if (error == null) {
          batch.forEach(unwritten::remove);
          batch.forEach(badTries::remove);
          oneByOne = Math.max(0, oneByOne - 1);
          if (failures > 0) {
            log.info(
                "Writing {} works again after {} failed tries since {}",
                what,
                failures,
                failingSince);
          }
          failures = 0;
          failingSince = null;
          continue;
        }
        failures++;
        failingSince = failingSince == null ? clock.instant() : failingSince;
        boolean outage = DatabaseFailures.isTransient(error);
        if (!outage && batch.size() > 1) {
          // why: a failure that is not an outage may be one bad item; find it, write the others.
          oneByOne = batch.size();
        }
        if (!outage && batch.size() == 1 && badTries.merge(batch.get(0), 1, Integer::sum) >= 10) {
          // why give up: a write that fails ten times alone, with the database up, is a bug;
          // kept for good it would hold its contact in a call and renew its lease for ever.
          // Dropped, the call is settled by the lease reaper (lease_expired) like a lost one.
          T bad = batch.get(0);
          badTries.remove(bad);
          unwritten.remove(bad);
          log.error(
              "Writing {} gave up on {} after 10 failures; the lease reaper settles it", what, bad);
        } else if (!outage && batch.size() == 1 && !waiting.isEmpty()) {
          waiting.addLast(batch.get(0));
        } else {
          for (int i = batch.size() - 1; i >= 0; i--) {
            waiting.addFirst(batch.get(i));
          }
        }
        logFailure(error, batch.size(), outage);
        writing = false;
        backingOff = true;
      }
      timer.schedule(clock.instant().plus(backoff(failures)), this::retryNow);
      return;
    }
  }

  private Throwable write(List<T> batch) {
    try {
      writer.accept(batch);
      return null;
    } catch (RuntimeException | AssertionError e) {
      // why AssertionError: the PostgreSQL driver asserts on a connection closed mid-batch when
      // assertions are on; the batch must be kept all the same.
      return e;
    }
  }

  private void logFailure(Throwable error, int items, boolean outage) {
    if (outage && failures > 1) {
      log.debug("Writing {} failed again ({} tries): {}", what, failures, error.toString());
    } else if (outage) {
      log.warn(
          "Writing {} failed ({}); {} items kept and retried until written",
          what,
          DatabaseFailures.describe(error),
          unwritten.size());
    } else {
      log.error("Writing {} ({} items) failed; kept and retried", what, items, error);
    }
  }

  /** 100 ms, doubling per failure in a row, at most 5 s. */
  static Duration backoff(int failures) {
    long millis = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 10);
    return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
  }
}
