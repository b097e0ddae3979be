package ai.agni.campaigns.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The production {@link TaskTimer}: a scheduled executor on daemon threads, the delay measured from
 * the injected clock. A task that throws is logged and does not disturb the others.
 */
@Component
class ScheduledTaskTimer implements TaskTimer, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ScheduledTaskTimer.class);

  /** Longer delays are clamped: nothing we schedule is meant to wait a year. */
  private static final Duration MAX_DELAY = Duration.ofDays(366);

  private final Clock clock;
  private final ScheduledExecutorService executor;

  ScheduledTaskTimer(Clock clock) {
    this.clock = clock;
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    this.executor = Executors.newScheduledThreadPool(threads, daemonThreads());
  }

  @Override
  public void schedule(Instant at, Runnable task) {
    Duration delay = Duration.between(clock.instant(), at);
    if (delay.isNegative()) {
      delay = Duration.ZERO;
    } else if (delay.compareTo(MAX_DELAY) > 0) {
      delay = MAX_DELAY;
    }
    try {
      executor.schedule(() -> runLogged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Only after shutdown: the application is closing and the task has no one to serve.
      log.debug("timer task at {} dropped: timer is shut down", at);
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }

  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("timer task failed", e);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "agni-timer-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
