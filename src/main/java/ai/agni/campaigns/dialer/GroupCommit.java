package ai.agni.campaigns.dialer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes items that arrive together in one batch (group commit). Writes run on the given executor,
 * one at a time: a submit that finds no write under way starts one, which writes everything waiting
 * and looks again before it stops; items that arrive meanwhile only join the queue. With a direct
 * executor (tests) each item is written before {@code submit} returns; with a thread of its own
 * (production) the callers, the carriers' threads, never wait for the database.
 */
final class GroupCommit<T> {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private final String what;
  private final int maxBatch;
  private final Executor executor;
  private final Consumer<List<T>> writer;
  private final ConcurrentLinkedQueue<T> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  GroupCommit(String what, int maxBatch, Executor executor, Consumer<List<T>> writer) {
    this.what = what;
    this.maxBatch = maxBatch;
    this.executor = executor;
    this.writer = writer;
  }

  void submit(T item) {
    waiting.add(item);
    if (writing.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      writeBatch();
      if (!waiting.isEmpty()) {
        continue;
      }
      writing.set(false);
      // why look again after releasing: an item queued just before the release found the flag
      // taken and left its write to this loop.
      if (waiting.isEmpty() || !writing.compareAndSet(false, true)) {
        return;
      }
    }
  }

  private void writeBatch() {
    try {
      List<T> batch = new ArrayList<>();
      T next;
      while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
        batch.add(next);
      }
      if (!batch.isEmpty()) {
        writer.accept(batch);
      }
    } catch (RuntimeException e) {
      // why only logged: the attempts stay live and the reaper settles them at lease expiry.
      log.warn("Writing {} failed", what, e);
    }
  }
}
