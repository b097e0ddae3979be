package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.DatabaseFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Runs the engine on one thread: poll, then sleep until the earliest of the next known work, the
 * next heartbeat, a wake-up, or the safety-net poll interval. Thin on purpose; all decisions live
 * in {@link DialerEngine}.
 *
 * <p>Shutdown (SIGTERM): the moment the context starts closing it stops claiming and gives back
 * what waits for a slot; the HTTP server then stops accepting (its lifecycle stops before this
 * one); then {@link #stop} lets the live calls finish for up to the shutdown grace while the
 * heartbeat goes on, writes what is left, settles the calls still live as the reaper would, and
 * returns.
 */
final class DialerLoop implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

  private static final Logger log = LoggerFactory.getLogger(DialerLoop.class);

  /**
   * Polls start at least this far apart. why: every ended call wakes the loop; under load that is
   * many wake-ups a second, and one poll serves all that arrived within the gap.
   */
  static final Duration MIN_POLL_GAP = Duration.ofMillis(25);

  /** How often the drain looks whether the live calls have ended. */
  private static final Duration DRAIN_CHECK = Duration.ofMillis(50);

  /** After the grace, how long the adapters may take to end the calls they hang up. */
  static final Duration HANG_UP_WAIT = Duration.ofSeconds(2);

  /** After the grace, how long the last writes may take before the process exits anyway. */
  static final Duration LAST_WRITES = Duration.ofSeconds(10);

  private final DialerEngine engine;
  private final Clock clock;
  private final DialerSettings settings;
  private final Object signal = new Object();
  private volatile boolean running;
  private volatile boolean stopping;
  private Thread thread;

  DialerLoop(DialerEngine engine, Clock clock, DialerSettings settings) {
    this.engine = engine;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Drains before the web server's graceful shutdown: from the start of the shutdown the server
   * answers every request but HTTP runtimes' call events with 503 (see {@code ShutdownGate}), so
   * the runtimes can still report the end of the calls being drained; it stops accepting once the
   * drain is over.
   */
  @Override
  public int getPhase() {
    return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 512;
  }

  @Override
  public synchronized void start() {
    // why: a stopped context may be started again (a paused test context is); it claims again.
    stopping = false;
    engine.resumeClaiming();
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

  /** The context is closing: claim nothing more, at once, before any lifecycle stops. */
  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    stopClaiming();
  }

  private synchronized void stopClaiming() {
    if (stopping || !running) {
      return;
    }
    stopping = true;
    int givenBack = engine.stopClaiming();
    log.info(
        "Shutting down: claiming stopped, {} claimed calls given back unused, {} live calls may"
            + " finish within {} s",
        givenBack,
        engine.callsInFlight(),
        settings.shutdownGrace().toSeconds());
  }

  @Override
  public void stop() {
    if (!running) {
      return;
    }
    stopClaiming();
    Instant started = clock.instant();
    Instant graceEnd = started.plus(settings.shutdownGrace());
    waitUntil(engine::drained, graceEnd);
    int leftLive = engine.callsInFlight();
    if (leftLive > 0) {
      // why first: the adapters end the legs and report what they know (answer, talk time).
      engine.hangUpLeftovers();
      waitUntil(engine::drained, clock.instant().plus(HANG_UP_WAIT));
    }
    engine.retryWritesNow();
    waitUntil(engine::writesDone, clock.instant().plus(LAST_WRITES));
    int settled = 0;
    try {
      settled = engine.settleLeftovers();
    } catch (RuntimeException e) {
      log.warn(
          "Shutting down: could not settle this node's calls ({}); other nodes settle them as"
              + " node_lost after the node timeout",
          DatabaseFailures.describe(e));
    }
    if (engine.unwrittenOutcomes() > 0) {
      log.warn(
          "Shutting down: {} outcomes could not be written; other nodes settle their calls as"
              + " node_lost after the node timeout",
          engine.unwrittenOutcomes());
    }
    running = false;
    synchronized (signal) {
      signal.notifyAll();
    }
    joinThread();
    log.info(
        "Engine stopped after {} ms: {} calls still live at the end of the grace, {} settled as"
            + " node_lost",
        Duration.between(started, clock.instant()).toMillis(),
        leftLive,
        settled);
  }

  private void waitUntil(BooleanSupplier done, Instant deadline) {
    while (!done.getAsBoolean() && clock.instant().isBefore(deadline)) {
      engine.retryWritesNow();
      try {
        Thread.sleep(DRAIN_CHECK.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void joinThread() {
    Thread t = thread;
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(5).toMillis());
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
          if (!stopping) {
            engine.reapOnce();
          }
          nextBeat = clock.instant().plus(settings.heartbeatInterval());
        }
        next = engine.pollOnce();
        engine.database().reachable(clock.instant());
      } catch (RuntimeException | AssertionError e) {
        if (DatabaseFailures.isUnavailable(e)) {
          engine.database().unreachable(clock.instant(), DatabaseFailures.describe(e));
        } else {
          log.warn("Dialer step failed; retrying after the poll interval", e);
        }
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
