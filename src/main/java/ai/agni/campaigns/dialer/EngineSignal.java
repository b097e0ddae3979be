package ai.agni.campaigns.dialer;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * "Something may have changed, poll soon": raised by the steps (capacity freed, calls reaped) and
 * by wake-ups from outside (a campaign changed, a single call queued); read and cleared by each
 * poll. Raising never blocks.
 */
final class EngineSignal {

  private final AtomicBoolean raised = new AtomicBoolean(true);
  private volatile Runnable listener = () -> {};

  void raise() {
    raised.set(true);
    listener.run();
  }

  boolean isRaised() {
    return raised.get();
  }

  void clear() {
    raised.set(false);
  }

  /** The loop's waiter, woken on every raise. */
  void onRaise(Runnable onRaise) {
    this.listener = onRaise;
  }
}
