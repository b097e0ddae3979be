package ai.agni.campaigns.dialer;

import ai.agni.campaigns.queue.QueueRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The steppable core of the engine, composed of named steps: {@link PlanDueWork} (which also
 * completes finished campaigns), {@link ClaimCapacity}, {@link DispatchClaimedAttempts} (whose
 * calls end through the {@link OutcomeRecorder}) and {@link ReapStaleAttempts}. {@link #pollOnce},
 * {@link #heartbeatOnce}, {@link #reapOnce} run one step each on the calling thread; no threads of
 * its own. {@code DialerLoop} calls them on real threads; tests call them on a manual clock.
 */
final class DialerEngine {

  /** The steps and stores one engine node runs, wired by {@code DialerConfiguration}. */
  record Steps(
      PlanDueWork plan,
      ClaimCapacity claim,
      DispatchClaimedAttempts dispatch,
      ReapStaleAttempts reap,
      SettleReportedCalls reports,
      EngineNodeRepository nodes,
      QueueRepository queue) {}

  private final Steps steps;
  private final Clock clock;
  private final DialerSettings settings;
  private final EngineSignal signal;
  private final AtomicLong rotation = new AtomicLong();

  DialerEngine(Steps steps, Clock clock, DialerSettings settings, EngineSignal signal) {
    this.steps = steps;
    this.clock = clock;
    this.settings = settings;
    this.signal = signal;
  }

  String nodeId() {
    return settings.nodeId();
  }

  /** Something may have changed (new work, capacity freed): poll soon. Never blocks. */
  void wake() {
    signal.raise();
  }

  void onWake(Runnable listener) {
    signal.onRaise(listener);
  }

  /** Whether a wake-up arrived since the last poll began. */
  boolean isWoken() {
    return signal.isRaised();
  }

  /**
   * One dispatcher step: plans due work, claims what capacity allows for every organization, hands
   * the claims to the timer. Returns the earliest instant at which new work is known to appear
   * (window opening, retry due, rate slot free), or null when only a wake-up can bring work.
   */
  Instant pollOnce() {
    signal.clear();
    Instant now = clock.instant();
    PlanDueWork.DueWork work = steps.plan().run(now);
    Instant next = null;
    long turn = rotation.getAndIncrement();
    for (PlanDueWork.OrgWork org : work.byOrganization().values()) {
      PlanDueWork.OrgWork rotated =
          new PlanDueWork.OrgWork(org.limits(), rotate(org.campaigns(), turn), org.callsWaiting());
      ClaimCapacity.Result result = steps.claim().claim(rotated, work.dueCounts(), now);
      steps.dispatch().dispatch(result.attempts());
      if (result.cpsBound()) {
        next = PlanDueWork.earliest(next, now.plus(settings.claimHorizon()));
      } else if (result.drainedSome()) {
        // why: a campaign whose due contacts were all claimed plans its next work at the next poll.
        next = now;
      }
    }
    return PlanDueWork.earliest(next, steps.queue().nextWorkAfter(now).orElse(null));
  }

  private static <T> List<T> rotate(List<T> items, long turn) {
    if (items.isEmpty()) {
      return items;
    }
    int shift = (int) (turn % items.size());
    List<T> rotated = new ArrayList<>(items.subList(shift, items.size()));
    rotated.addAll(items.subList(0, shift));
    return rotated;
  }

  /** What providers report out of band about calls of any node (see {@code CallReports}). */
  SettleReportedCalls reports() {
    return steps.reports();
  }

  /** Refreshes this node's heartbeat. */
  void heartbeatOnce() {
    steps.nodes().beat(settings.nodeId(), clock.instant());
  }

  /**
   * Settles the live attempts of dead nodes (node_lost) and those whose lease expired
   * (lease_expired); claimed slots never placed are given back unused.
   */
  int reapOnce() {
    int reaped = steps.reap().reapDeadNodes() + steps.reap().reapExpiredLeases();
    if (reaped > 0) {
      wake();
    }
    return reaped;
  }

  /** At start: this node's live attempts are from a previous life and are settled the same way. */
  int recoverOwnCalls() {
    int reaped = steps.reap().reapNode(settings.nodeId());
    heartbeatOnce();
    return reaped;
  }
}
