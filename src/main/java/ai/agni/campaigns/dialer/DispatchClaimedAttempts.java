package ai.agni.campaigns.dialer;

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
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places claimed attempts at their reserved slots. At the moment of dialing it checks again that
 * the window is open and (in the transaction that places the call) that the campaign is still
 * active; a claim may wait up to the claim horizon. If not, the slot is given back unused. The
 * outcome goes to the {@link OutcomeRecorder}, then the engine is woken because capacity was freed.
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
  private final PriorityQueue<ClaimedAttempt> due =
      new PriorityQueue<>(Comparator.comparing(ClaimedAttempt::slot));

  DispatchClaimedAttempts(
      TaskTimer timer,
      Clock clock,
      TelephonyRouter router,
      AttemptOperations operations,
      OutcomeRecorder recorder,
      EngineSignal capacityFreed,
      String node) {
    this.timer = timer;
    this.clock = clock;
    this.router = router;
    this.operations = operations;
    this.recorder = recorder;
    this.capacityFreed = capacityFreed;
    this.node = node;
  }

  /**
   * Schedules the attempts at their slots. When a slot comes, every attempt whose slot has come is
   * placed together, in one transaction: none starts before its own slot, and at high rates (slots
   * microseconds apart) one transaction places many calls.
   */
  void dispatch(List<ClaimedAttempt> attempts) {
    operations.claimed(attempts.size());
    attempts.stream().map(a -> a.line().provider()).distinct().forEach(router::prepare);
    synchronized (due) {
      due.addAll(attempts);
    }
    new TreeSet<>(attempts.stream().map(ClaimedAttempt::slot).toList())
        .forEach(slot -> timer.schedule(slot, this::dialDue));
  }

  private void dialDue() {
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
    Instant now = clock.instant();
    List<ClaimedAttempt> open = new ArrayList<>();
    for (ClaimedAttempt a : group) {
      if (!(a.origin() instanceof AttemptOrigin.CampaignContact c) || c.rules().isOpen(now)) {
        open.add(a);
      }
    }
    List<ClaimedAttempt> placed = open.isEmpty() ? List.of() : operations.place(open, node, now);
    if (placed.size() < group.size()) {
      // why: the window closed or the campaign stopped being active since the claim; the release
      // is guarded, so an attempt the reaper settled meanwhile stays settled.
      Set<UUID> dialed = new HashSet<>();
      placed.forEach(a -> dialed.add(a.sessionId()));
      group.stream()
          .filter(a -> !dialed.contains(a.sessionId()))
          .forEach(a -> operations.release(a.live(), now));
      capacityFreed.raise();
    }
    placed.forEach(this::call);
  }

  /**
   * Hands the call to its adapter, which asks the node's pacer ({@link CallEventSink#mayDial}) at
   * the moment the call leaves: a late timer or a slow first call must not send calls together.
   */
  private void call(ClaimedAttempt attempt) {
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
