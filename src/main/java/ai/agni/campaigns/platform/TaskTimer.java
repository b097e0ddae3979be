package ai.agni.campaigns.platform;

import java.time.Instant;

/**
 * Runs a task at an instant of the injected clock. Production uses a scheduled executor measured
 * against the clock; tests use a manual timer they step, so simulated hours run in milliseconds.
 */
public interface TaskTimer {

  void schedule(Instant at, Runnable task);
}
