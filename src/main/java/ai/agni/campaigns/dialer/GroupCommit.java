package ai.agni.campaigns.dialer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes items that arrive together in one batch (group commit), with no thread of its own: a
 * caller that finds no write under way writes everything waiting, then looks again; callers that
 * arrive meanwhile only queue theirs and return. One thread alone writes each item at once.
 */
final class GroupCommit<T> {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private final String what;
  private final int maxBatch;
  private final Consumer<List<T>> writer;
  private final ConcurrentLinkedQueue<T> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  GroupCommit(String what, int maxBatch, Consumer<List<T>> writer) {
    this.what = what;
    this.maxBatch = maxBatch;
    this.writer = writer;
  }

  void submit(T item) {
    waiting.add(item);
    // why re-check after releasing: an item queued while this thread wrote finds the flag taken
    // and leaves its write to this loop.
    while (!waiting.isEmpty() && writing.compareAndSet(false, true)) {
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
      } finally {
        writing.set(false);
      }
    }
  }
}
