package ai.agni.campaigns.dialer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds calls-per-second caps on the wire, where a call leaves this node. The placing transaction
 * admits each start against the windows shared by all nodes ({@link StartWindows}); this pacer
 * keeps the sends of one node to the same windows after that: a send that is slow (the first call
 * warms the SIP stack) would otherwise let the next calls leave together. So the adapter asks just
 * before it sends, and the pacer counts the calls that left per bucket in a sliding window: at a
 * rate of r ≥ 1 per second, at most ⌈r⌉ in any one second; below 1 per second, one per 1/r seconds.
 * why a window, not a spacing from the previous call: a call that left a little late must not delay
 * every later one, or the pacer would fall ever further behind the slots; within the window, late
 * calls catch up without ever exceeding the cap.
 *
 * <p>A call counts from when its send returned (it left no later than that), and while a call of a
 * bucket is being sent the next waits for it, so the cap holds on the wire, not only in our clock.
 * The slots leave 1 % of each rate free ({@link CapacityPlanner#SLOT_SHARE}) for catching up.
 */
final class SendPacer {

  /** How soon to ask again while another call of a bucket is being sent. */
  private static final Duration WHILE_SENDING = Duration.ofMillis(1);

  /** Buckets idle this long are forgotten. */
  private static final Duration FORGET_AFTER = Duration.ofMinutes(1);

  private static final int PRUNE_ABOVE = 10_000;

  /** One bucket's recent sends, oldest first, and whether one is under way. */
  private static final class Window {
    final ArrayDeque<Instant> sent = new ArrayDeque<>();
    Instant admitted;
    boolean sending;
  }

  private final Map<String, Window> windows = new HashMap<>();

  /**
   * Admits a call using these buckets (bucket key to calls per second) at {@code now}: null when it
   * may leave now (it then counts, and holds its buckets until {@link #sent}), else the instant to
   * ask again.
   */
  synchronized Instant admit(Map<String, Double> rates, Instant now) {
    Instant retry = null;
    for (Map.Entry<String, Double> rate : rates.entrySet()) {
      Window w = windows.get(rate.getKey());
      if (w == null) {
        continue;
      }
      if (w.sending) {
        return now.plus(WHILE_SENDING);
      }
      Duration length = StartWindows.windowOf(rate.getValue());
      while (!w.sent.isEmpty() && !w.sent.peekFirst().plus(length).isAfter(now)) {
        w.sent.pollFirst();
      }
      if (w.sent.size() >= StartWindows.callsPerWindow(rate.getValue())) {
        Instant free = w.sent.peekFirst().plus(length);
        retry = retry == null || free.isAfter(retry) ? free : retry;
      }
    }
    if (retry != null) {
      return retry;
    }
    for (String key : rates.keySet()) {
      Window w = windows.computeIfAbsent(key, k -> new Window());
      w.sent.addLast(now);
      w.admitted = now;
      w.sending = true;
    }
    if (windows.size() > PRUNE_ABOVE) {
      Instant stale = now.minus(FORGET_AFTER);
      windows
          .values()
          .removeIf(w -> !w.sending && (w.sent.isEmpty() || w.sent.peekLast().isBefore(stale)));
    }
    return null;
  }

  /** An admitted call's send returned at {@code at}: it counts from then. */
  synchronized void sent(Map<String, Double> rates, Instant at) {
    for (String key : rates.keySet()) {
      Window w = windows.get(key);
      if (w == null || !w.sending) {
        continue;
      }
      w.sent.pollLast();
      w.sent.addLast(at.isBefore(w.admitted) ? w.admitted : at);
      w.admitted = null;
      w.sending = false;
    }
  }
}
