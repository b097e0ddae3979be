package ai.agni.campaigns.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The executor-backed timer: delays from the injected clock, daemon threads, safe shutdown. */
class ScheduledTaskTimerTest {

  private final MutableClock clock = MutableClock.at("2000-01-01T00:00:00Z");
  private final ScheduledTaskTimer timer = new ScheduledTaskTimer(clock);

  @AfterEach
  void shutDown() {
    timer.destroy();
  }

  @Test
  void runsTasksDueNowOrInThePastOnDaemonThreads() {
    List<Boolean> daemons = new CopyOnWriteArrayList<>();
    timer.schedule(clock.instant(), () -> daemons.add(Thread.currentThread().isDaemon()));
    timer.schedule(
        clock.instant().minusSeconds(3600), () -> daemons.add(Thread.currentThread().isDaemon()));
    await().atMost(Duration.ofSeconds(5)).until(() -> daemons.size() == 2);
    assertThat(daemons).containsOnly(true);
  }

  @Test
  void measuresTheDelayFromTheInjectedClockNotTheSystemClock() {
    AtomicBoolean tomorrow = new AtomicBoolean();
    AtomicBoolean soon = new AtomicBoolean();
    // Against the system clock (years later) both would be overdue and run at once.
    timer.schedule(clock.instant().plus(Duration.ofDays(1)), () -> tomorrow.set(true));
    timer.schedule(clock.instant().plusMillis(50), () -> soon.set(true));
    await().atMost(Duration.ofSeconds(5)).untilTrue(soon);
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).untilFalse(tomorrow);
  }

  @Test
  void aFailingTaskDoesNotStopTheOthers() {
    AtomicBoolean ran = new AtomicBoolean();
    timer.schedule(
        clock.instant(),
        () -> {
          throw new IllegalStateException("boom");
        });
    timer.schedule(clock.instant().plusMillis(10), () -> ran.set(true));
    await().atMost(Duration.ofSeconds(5)).untilTrue(ran);
  }

  @Test
  void schedulingAfterShutdownIsDroppedQuietly() {
    timer.destroy();
    AtomicBoolean ran = new AtomicBoolean();
    timer.schedule(Instant.EPOCH, () -> ran.set(true));
    assertThat(ran).isFalse();
  }
}
