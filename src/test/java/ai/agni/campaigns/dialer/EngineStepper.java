package ai.agni.campaigns.dialer;

import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Drives a steppable engine in simulated time with no threads: fires each timer task at its own
 * instant, and polls when the engine asked for it (known next work) or was woken, at most once per
 * {@code minGap} of simulated time, as a loaded real loop would. Jumps straight to the next event,
 * so idle nights cost nothing.
 */
final class EngineStepper {

  private final MutableClock clock;
  private final ManualTaskTimer timer;
  private final DialerEngine engine;
  private final Duration minGap;
  private Instant lastPoll;
  private Instant nextWork;
  private int polls;

  EngineStepper(MutableClock clock, ManualTaskTimer timer, DialerEngine engine, Duration minGap) {
    this.clock = clock;
    this.timer = timer;
    this.engine = engine;
    this.minGap = minGap;
  }

  int polls() {
    return polls;
  }

  /** Steps until {@code until} or until {@code stop} holds after a poll; true when it stopped. */
  boolean runUntil(Instant until, BooleanSupplier stop) {
    while (!clock.instant().isAfter(until)) {
      Instant now = clock.instant();
      if (pollDue(now)) {
        nextWork = engine.pollOnce();
        lastPoll = now;
        polls++;
        if (stop.getAsBoolean()) {
          return true;
        }
      }
      if (timer.runDue(now) > 0) {
        continue;
      }
      Instant next = earliest(timer.nextDueAt().orElse(null), nextPollAt());
      if (next == null || next.isAfter(until)) {
        clock.set(until);
        return false;
      }
      clock.set(next.isAfter(now) ? next : now.plusNanos(1000));
    }
    return false;
  }

  /** Steps until {@code until}, whatever happens. */
  void runUntil(Instant until) {
    runUntil(until, () -> false);
  }

  private boolean pollDue(Instant now) {
    Instant at = nextPollAt();
    return at != null && !now.isBefore(at);
  }

  private Instant nextPollAt() {
    Instant gapEnd = lastPoll == null ? clock.instant() : lastPoll.plus(minGap);
    Instant woken = engine.isWoken() ? gapEnd : null;
    Instant planned = nextWork == null ? null : (nextWork.isBefore(gapEnd) ? gapEnd : nextWork);
    return earliest(woken, planned);
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
