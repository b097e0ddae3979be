package ai.agni.campaigns.dialer;

import ai.agni.campaigns.queue.QueueRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
      OutcomeRecorder outcomes,
      EngineNodeRepository nodes,
      LiveCallRepository liveCalls,
      QueueRepository queue) {}

  private final Steps steps;
  private final Clock clock;
  private final DialerSettings settings;
  private final EngineSignal signal;
  private final AtomicLong rotation = new AtomicLong();
  private final DatabaseReachability database = new DatabaseReachability();
  private volatile boolean stopping;

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
    if (stopping) {
      return null;
    }
    Instant now = clock.instant();
    PlanDueWork.DueWork work = steps.plan().run(now);
    Instant next = null;
    long turn = rotation.getAndIncrement();
    for (PlanDueWork.OrgWork org : work.byOrganization().values()) {
      PlanDueWork.OrgWork rotated =
          new PlanDueWork.OrgWork(org.limits(), rotate(org.campaigns(), turn), org.callsWaiting());
      ClaimCapacity.Result result =
          steps.claim().claim(rotated, work.dueCounts(), work.openGroups(), now);
      steps.dispatch().dispatch(result.attempts());
      steps.dispatch().heldBack(result.heldBack());
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

  /**
   * Refreshes this node's heartbeat, and the leases of its calls whose outcome waits to be written
   * (the database did not answer when it arrived).
   */
  void heartbeatOnce() {
    Instant now = clock.instant();
    steps.nodes().beat(settings.nodeId(), now);
    List<UUID> unwritten = steps.outcomes().unwrittenSessions();
    if (!unwritten.isEmpty()) {
      steps
          .liveCalls()
          .renewLeases(
              unwritten, now.plus(settings.nodeTimeout()).plus(settings.heartbeatInterval()));
    }
  }

  /**
   * Settles the live attempts of dead nodes (node_lost) and those whose lease expired
   * (lease_expired); claimed slots never placed are given back unused. Nothing is judged until this
   * node has reached the database for a whole node timeout after an outage (see {@link
   * DatabaseReachability}).
   */
  int reapOnce() {
    if (!database.connectedFor(settings.nodeTimeout(), clock.instant())) {
      return 0;
    }
    int reaped =
        steps.reap().reapDeadNodes()
            + steps.reap().reapExpiredLeases()
            + steps.reap().releaseStaleClaims();
    if (reaped > 0) {
      wake();
    }
    return reaped;
  }

  /** What this node's steps found about the database. */
  DatabaseReachability database() {
    return database;
  }

  /**
   * Shutdown, first step: claims nothing more and gives back the attempts waiting for their slot
   * (no attempt used). Returns how many were given back.
   */
  int stopClaiming() {
    stopping = true;
    return steps.dispatch().stop();
  }

  /** Outcomes that arrived and wait for the database to be written. */
  int unwrittenOutcomes() {
    return steps.outcomes().unwrittenSessions().size();
  }

  /** Claims again after {@link #stopClaiming} (the lifecycle was started again). */
  void resumeClaiming() {
    stopping = false;
    steps.dispatch().resume();
  }

  /** Calls of this node whose outcome has not arrived. */
  int callsInFlight() {
    return steps.dispatch().callsInFlight();
  }

  /** Every outcome that arrived is written and every unused claim given back. */
  boolean writesDone() {
    return steps.outcomes().allWritten() && steps.dispatch().allGivenBack();
  }

  /**
   * No call in flight (or none of this node's live rows left: another node settled them from events
   * its runtime sent there), every outcome written, every unused claim given back.
   */
  boolean drained() {
    if (!writesDone()) {
      return false;
    }
    if (steps.dispatch().callsInFlight() == 0) {
      return true;
    }
    try {
      return steps.liveCalls().ofNode(settings.nodeId()).isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Writes what waits for the database now, without waiting for its back-off. */
  void retryWritesNow() {
    steps.outcomes().retryNow();
    steps.dispatch().retryNow();
  }

  /**
   * Shutdown, last step: the calls still live after the grace are settled as the reaper would
   * (failed / node_lost, retried after the normal gap). Returns how many.
   */
  int settleLeftovers() {
    return steps
        .reap()
        .reapNode(settings.nodeId(), Set.copyOf(steps.outcomes().unwrittenSessions()));
  }

  /**
   * After the grace, before {@link #settleLeftovers}: the adapters end the legs of the calls still
   * live and report them (as node_lost); what does not arrive in time is settled as such.
   */
  void hangUpLeftovers() {
    steps.dispatch().hangUpAll();
  }

  /** At start: this node's live attempts are from a previous life and are settled the same way. */
  int recoverOwnCalls() {
    int reaped = steps.reap().reapNode(settings.nodeId());
    heartbeatOnce();
    return reaped;
  }
}
