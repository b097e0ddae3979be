package ai.agni.campaigns.dialer;

import ai.agni.campaigns.campaign.schedule.LocalRules;
import ai.agni.campaigns.platform.DatabaseFailures;
import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.telephony.CallEventSink;
import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallRequest;
import ai.agni.campaigns.telephony.CallResult;
import ai.agni.campaigns.telephony.TelephonyRouter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places claimed attempts at their reserved slots. A slot is a reservation, not a permission: at
 * the moment of dialing it checks again that the window is open, that the campaign is still active
 * (in the transaction that places the call) and that every calls-per-second window admits the start
 * now, across nodes ({@link StartWindows}); a call a window refuses waits for the instant it frees.
 * A slot not used is given back without using an attempt. The outcome goes to the {@link
 * OutcomeRecorder}, then the engine is woken because capacity was freed.
 *
 * <p>When the placing transaction fails (the database does not answer), nothing was sent: the
 * attempts are given back, unused, as soon as the database answers again.
 */
final class DispatchClaimedAttempts {

  private static final Logger log = LoggerFactory.getLogger(DispatchClaimedAttempts.class);

  private final TaskTimer timer;
  private final Clock clock;
  private final TelephonyRouter router;
  private final AttemptOperations operations;
  private final OutcomeRecorder recorder;
  private final EngineSignal capacityFreed;
  private final String node;
  private final SendPacer pacer = new SendPacer();
  private final GroupCommit<LiveAttempt> giveBacks;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger placing = new AtomicInteger();
  private volatile boolean stopped;
  private final PriorityQueue<ClaimedAttempt> due =
      new PriorityQueue<>(Comparator.comparing(ClaimedAttempt::slot));

  DispatchClaimedAttempts(
      TaskTimer timer,
      Clock clock,
      TelephonyRouter router,
      AttemptOperations operations,
      OutcomeRecorder recorder,
      EngineSignal capacityFreed,
      String node,
      Executor writes) {
    this.timer = timer;
    this.clock = clock;
    this.router = router;
    this.operations = operations;
    this.recorder = recorder;
    this.capacityFreed = capacityFreed;
    this.node = node;
    this.giveBacks =
        new GroupCommit<>(
            "unused claims", OutcomeRecorder.MAX_BATCH, writes, timer, clock, this::giveBack);
  }

  /**
   * Schedules the attempts at their slots. When a slot comes, every attempt whose slot has come is
   * placed together, in one transaction: none starts before its own slot, and at high rates (slots
   * microseconds apart) one transaction places many calls.
   */
  void dispatch(List<ClaimedAttempt> attempts) {
    operations.claimed(attempts.size());
    attempts.stream().map(a -> a.line().provider()).distinct().forEach(router::prepare);
    awaitSlots(attempts);
  }

  /** Due dials a claim left unclaimed, by reason (a metric). */
  void heldBack(Map<HeldBack, Integer> held) {
    held.forEach(operations::heldBack);
  }

  /**
   * Stops dialing: the attempts waiting for their slot are given back unused (a placing under way
   * finishes, and its calls are live). Returns how many were waiting.
   */
  int stop() {
    stopped = true;
    return giveBackWaiting();
  }

  /** Dials again after {@link #stop}. */
  void resume() {
    stopped = false;
  }

  /** Calls handed to their adapter whose outcome has not arrived yet. */
  int callsInFlight() {
    return inFlight.get();
  }

  /**
   * Whether nothing is left between claim and call: no placing under way, no attempt waiting for
   * its slot, every unused claim given back (none waits for the database).
   */
  boolean allGivenBack() {
    boolean noneWaiting;
    synchronized (due) {
      noneWaiting = due.isEmpty();
    }
    return placing.get() == 0 && noneWaiting && giveBacks.isEmpty();
  }

  /** Shutdown, after the grace: the adapters end the calls they still hold. */
  void hangUpAll() {
    router.hangUpAll();
  }

  /** Tries the waiting give-backs again now (shutdown). */
  void retryNow() {
    giveBacks.retryNow();
  }

  private int giveBackWaiting() {
    List<ClaimedAttempt> waiting;
    synchronized (due) {
      waiting = new ArrayList<>(due);
      due.clear();
    }
    waiting.forEach(a -> giveBacks.submit(a.live()));
    return waiting.size();
  }

  private void giveBack(List<LiveAttempt> attempts) {
    operations.giveBackUnsent(attempts, node, clock.instant());
    capacityFreed.raise();
  }

  private void dialDue() {
    placing.incrementAndGet();
    try {
      dialDueGroup();
    } finally {
      placing.decrementAndGet();
    }
  }

  private void dialDueGroup() {
    Instant now = clock.instant();
    List<ClaimedAttempt> group = new ArrayList<>();
    synchronized (due) {
      while (!due.isEmpty() && !due.peek().slot().isAfter(now)) {
        group.add(due.poll());
      }
    }
    if (!group.isEmpty()) {
      dial(group);
    }
  }

  private void dial(List<ClaimedAttempt> group) {
    if (stopped) {
      group.forEach(a -> giveBacks.submit(a.live()));
      return;
    }
    Instant now = clock.instant();
    List<ClaimedAttempt> open = new ArrayList<>();
    for (ClaimedAttempt a : group) {
      if (!(a.origin() instanceof AttemptOrigin.CampaignContact c)) {
        open.add(a);
        continue;
      }
      // why again at the dial: the slot may come after the callee's window or calling hours
      // closed; the contact is given back and claimed again at its next allowed instant.
      Optional<LocalRules.Rule> closed = c.rules().blocking(c.zoneKey(), now);
      if (closed.isEmpty()) {
        open.add(a);
      } else {
        operations.heldBack(
            closed.get() == LocalRules.Rule.CALLING_HOURS
                ? HeldBack.CALLING_HOURS
                : HeldBack.WINDOW,
            1);
      }
    }
    AttemptOperations.Placing result;
    try {
      result =
          open.isEmpty()
              ? new AttemptOperations.Placing(List.of(), Map.of(), now)
              : operations.place(open, node);
    } catch (RuntimeException | AssertionError e) {
      log.warn(
          "Placing {} calls failed ({}); nothing was sent, they are given back unused",
          group.size(),
          DatabaseFailures.describe(e));
      group.forEach(a -> giveBacks.submit(a.live()));
      return;
    }
    if (stopped) {
      // why: shutdown began while this placing ran; nothing was sent yet, so nobody was rung.
      log.info(
          "Shutting down: {} calls placed meanwhile are given back unsent", result.placed().size());
      group.forEach(a -> giveBacks.submit(a.live()));
      return;
    }
    Set<UUID> handled = new HashSet<>(result.later().keySet());
    result.placed().forEach(a -> handled.add(a.sessionId()));
    List<ClaimedAttempt> waitAgain = new ArrayList<>();
    for (ClaimedAttempt a : group) {
      Instant at = result.later().get(a.sessionId());
      if (at != null) {
        waitAgain.add(a.withSlot(at));
      } else if (!handled.contains(a.sessionId())) {
        // why: the window closed or the campaign stopped being active since the claim; the
        // give-back is guarded, so an attempt the reaper settled meanwhile stays settled.
        giveBacks.submit(a.live());
      }
    }
    if (!waitAgain.isEmpty()) {
      awaitSlots(waitAgain);
    }
    result.placed().forEach(this::call);
  }

  /**
   * The attempts wait for their slots (claimed ones for the slot the claim reserved, those a rate
   * window refused for the instant it frees); once stopped they are given back instead.
   */
  private void awaitSlots(List<ClaimedAttempt> attempts) {
    synchronized (due) {
      due.addAll(attempts);
    }
    if (stopped) {
      giveBackWaiting();
      return;
    }
    new TreeSet<>(attempts.stream().map(ClaimedAttempt::slot).toList())
        .forEach(slot -> timer.schedule(slot, this::dialDue));
  }

  /**
   * Hands the call to its adapter, which asks the node's pacer ({@link CallEventSink#mayDial}) at
   * the moment the call leaves: a late timer or a slow first call must not send calls together.
   */
  private void call(ClaimedAttempt attempt) {
    inFlight.incrementAndGet();
    try {
      router
          .placeCall(attempt.line().provider(), request(attempt), sink(attempt))
          .whenComplete(
              (result, error) ->
                  finish(
                      attempt,
                      error == null && result != null
                          ? result
                          : failure("carrier_error", clock.instant())));
    } catch (RuntimeException e) {
      log.warn("Placing call {} failed", attempt.sessionId(), e);
      finish(attempt, failure("carrier_error", clock.instant()));
    }
  }

  private void finish(ClaimedAttempt attempt, CallResult result) {
    try {
      recorder.record(attempt.live(), result);
    } finally {
      inFlight.decrementAndGet();
      operations.ended();
    }
  }

  private CallEventSink sink(ClaimedAttempt attempt) {
    return new CallEventSink() {
      @Override
      public void ringing(Instant at) {}

      @Override
      public void answered(Instant at) {
        recorder.answered(attempt.sessionId(), at);
      }

      @Override
      public Instant mayDial(Instant now) {
        return pacer.admit(attempt.rates(), now);
      }

      @Override
      public void dialed(Instant at) {
        pacer.sent(attempt.rates(), at);
      }
    };
  }

  private static CallRequest request(ClaimedAttempt a) {
    boolean inCampaign = a.origin() instanceof AttemptOrigin.CampaignContact;
    AttemptOrigin.CampaignContact c =
        inCampaign ? (AttemptOrigin.CampaignContact) a.origin() : null;
    return new CallRequest(
        a.sessionId(),
        a.organizationId(),
        c == null ? null : c.campaignId(),
        c == null ? null : c.contactId(),
        a.agentId(),
        a.line().number(),
        a.to(),
        a.ringTimeout(),
        a.maxDuration(),
        a.variables() == null ? Map.of() : a.variables(),
        a.line().route());
  }

  private static CallResult failure(String reason, Instant at) {
    return new CallResult(CallOutcome.FAILED, reason, true, null, at);
  }
}
