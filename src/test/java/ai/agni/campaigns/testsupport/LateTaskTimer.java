package ai.agni.campaigns.testsupport;

import ai.agni.campaigns.platform.TaskTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * A real timer whose tasks fire late by a random amount up to a bound, as timers do on a busy
 * machine (a pause, a full core): what the engine must survive without letting calls bunch.
 */
public final class LateTaskTimer implements TaskTimer {

  private final TaskTimer timer;
  private final Random random;
  private final long maxLateMillis;

  public LateTaskTimer(TaskTimer timer, long seed, Duration maxLate) {
    this.timer = timer;
    this.random = new Random(seed);
    this.maxLateMillis = maxLate.toMillis();
  }

  @Override
  public void schedule(Instant at, Runnable task) {
    long late;
    synchronized (random) {
      late = random.nextInt(3) == 0 ? random.nextLong(maxLateMillis + 1) : 0;
    }
    timer.schedule(at.plusMillis(late), task);
  }
}
