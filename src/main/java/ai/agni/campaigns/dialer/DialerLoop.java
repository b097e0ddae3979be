package ai.agni.campaigns.dialer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the engine on one thread: poll, then sleep until the earliest of the next known work, the
 * next heartbeat, a wake-up, or the safety-net poll interval. Thin on purpose; all decisions live
 * in {@link DialerEngine}.
 */
final class DialerLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DialerLoop.class);

  /**
   * Polls start at least this far apart. why: every ended call wakes the loop; under load that is
   * many wake-ups a second, and one poll serves all that arrived within the gap.
   */
  static final Duration MIN_POLL_GAP = Duration.ofMillis(25);

  private final DialerEngine engine;
  private final Clock clock;
  private final DialerSettings settings;
  private final Object signal = new Object();
  private volatile boolean running;
  private Thread thread;

  DialerLoop(DialerEngine engine, Clock clock, DialerSettings settings) {
    this.engine = engine;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public synchronized void start() {
    engine.recoverOwnCalls();
    engine.onWake(
        () -> {
          synchronized (signal) {
            signal.notifyAll();
          }
        });
    running = true;
    thread = new Thread(this::run, "agni-dialer-" + engine.nodeId());
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    synchronized (signal) {
      signal.notifyAll();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    Instant nextBeat = clock.instant();
    while (running) {
      Instant next = null;
      Instant polledAt = clock.instant();
      try {
        if (!clock.instant().isBefore(nextBeat)) {
          engine.heartbeatOnce();
          engine.reapOnce();
          nextBeat = clock.instant().plus(settings.heartbeatInterval());
        }
        next = engine.pollOnce();
      } catch (RuntimeException e) {
        log.warn("Dialer step failed; retrying after the poll interval", e);
      }
      holdOff(polledAt.plus(MIN_POLL_GAP));
      sleepUntil(earliest(next, nextBeat, clock.instant().plus(settings.pollInterval())));
    }
  }

  /** Waits until {@code until} whatever wakes the loop; a wake-up meanwhile is kept for later. */
  private void holdOff(Instant until) {
    long millis = Duration.between(clock.instant(), until).toMillis();
    if (millis > 0 && running) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private void sleepUntil(Instant until) {
    synchronized (signal) {
      long millis = Duration.between(clock.instant(), until).toMillis();
      if (millis > 0 && !engine.isWoken() && running) {
        try {
          signal.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }

  private static Instant earliest(Instant a, Instant b, Instant c) {
    Instant min = b.isBefore(c) ? b : c;
    return a != null && a.isBefore(min) ? a : min;
  }
}
