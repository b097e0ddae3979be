package ai.agni.campaigns.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the deliverer on a thread of its own, never on the engine's: claim, then sleep until the
 * earliest of the next retry, a wake-up (events committed on this node, a run ended) and the
 * safety-net poll (events written by other nodes). Thin on purpose; decisions live in {@link
 * WebhookDeliverer}.
 */
final class DeliveryLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

  /**
   * Claims start at least this far apart, however often the loop is woken. why: every commit of
   * events wakes the loop (hundreds a second under load), and a claim reads the due deliveries; one
   * claim serves all that arrived within the gap, and a worker drains its stream without one.
   */
  static final Duration MIN_GAP = Duration.ofMillis(100);

  private final WebhookDeliverer deliverer;
  private final WebhookSignal signal;
  private final ExecutorService workers;
  private final Clock clock;
  private final Duration pollInterval;
  private final Object monitor = new Object();
  private final Consumer<Collection<UUID>> onEvents = this::eventsWritten;
  private final Runnable wake = this::wake;
  private volatile boolean running;
  private boolean woken;
  private Thread thread;

  DeliveryLoop(
      WebhookDeliverer deliverer,
      WebhookSignal signal,
      ExecutorService workers,
      Clock clock,
      Duration pollInterval) {
    this.deliverer = deliverer;
    this.signal = signal;
    this.workers = workers;
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  @Override
  public synchronized void start() {
    running = true;
    signal.onWake(onEvents);
    deliverer.onRunDone(wake);
    thread = new Thread(this::run, "agni-webhooks-" + deliverer.node());
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    signal.removeListener(onEvents);
    wake();
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
      Thread t = thread;
      if (t != null) {
        t.join(5000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Events committed here: a claim, unless this node's workers already send those streams. */
  private void eventsWritten(Collection<UUID> scopes) {
    if (!deliverer.sendingAll(scopes)) {
      wake();
    }
  }

  private void wake() {
    synchronized (monitor) {
      woken = true;
      monitor.notifyAll();
    }
  }

  private void run() {
    try {
      int released = deliverer.releaseOwn();
      if (released > 0) {
        log.info("Webhook deliveries: {} leases of this node's previous run given back", released);
      }
    } catch (RuntimeException e) {
      log.warn("Webhook deliveries: could not give back old leases: {}", e.toString());
    }
    while (running) {
      Instant next = null;
      try {
        deliverer.deliverDue();
        next = deliverer.nextRetryAt().orElse(null);
      } catch (RuntimeException e) {
        log.warn(
            "Webhook delivery step failed; retrying after the poll interval: {}", e.toString());
      }
      sleep(MIN_GAP.toMillis());
      Instant until = clock.instant().plus(pollInterval);
      waitUntil(next != null && next.isBefore(until) ? next : until);
    }
  }

  private void waitUntil(Instant until) {
    synchronized (monitor) {
      long millis = Duration.between(clock.instant(), until).toMillis();
      if (!woken && millis > 0 && running) {
        try {
          monitor.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      woken = false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
