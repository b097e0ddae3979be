package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.telephony.CallEventSink;
import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallRequest;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places claimed attempts at their reserved slots. At the moment of dialing it checks again that
 * the window is open and (in the same guarded update that marks the call ringing) that the campaign
 * is still active; a claim may wait up to the claim horizon. If not, the attempt is released
 * unplaced. The outcome goes to the {@link OutcomeRecorder}, then the engine is woken because
 * capacity was freed.
 */
final class DispatchClaimedAttempts {

  private static final Logger log = LoggerFactory.getLogger(DispatchClaimedAttempts.class);

  private final EngineParts parts;
  private final String node;
  private final Runnable capacityFreed;

  DispatchClaimedAttempts(EngineParts parts, String node, Runnable capacityFreed) {
    this.parts = parts;
    this.node = node;
    this.capacityFreed = capacityFreed;
  }

  void dispatch(ClaimedAttempt attempt) {
    TaskTimer timer = parts.timer();
    timer.schedule(attempt.slot(), () -> dial(attempt));
  }

  private void dial(ClaimedAttempt attempt) {
    Clock clock = parts.clock();
    Instant now = clock.instant();
    boolean windowOpen = !attempt.inCampaign() || attempt.rules().isOpen(now);
    if (!windowOpen || !parts.calls().markDialing(attempt.sessionId(), node, now)) {
      // why: the window closed or the campaign stopped being active since the claim; release is
      // guarded, so a call the reaper settled meanwhile stays settled.
      parts.operations().release(attempt, node, now);
      capacityFreed.run();
      return;
    }
    parts.metrics().placed();
    try {
      parts
          .router()
          .placeCall(attempt.line().provider(), request(attempt), sink(attempt))
          .whenComplete(
              (result, error) ->
                  finish(
                      attempt,
                      error == null && result != null
                          ? result
                          : failure("carrier_error", true, clock.instant())));
    } catch (RuntimeException e) {
      log.warn("Placing call {} failed", attempt.sessionId(), e);
      finish(attempt, failure("carrier_error", true, now));
    }
  }

  private void finish(ClaimedAttempt attempt, CallResult result) {
    try {
      parts.recorder().record(AttemptRef.of(attempt), result);
    } finally {
      parts.metrics().ended();
      capacityFreed.run();
    }
  }

  private CallEventSink sink(ClaimedAttempt attempt) {
    return new CallEventSink() {
      @Override
      public void ringing(Instant at) {}

      @Override
      public void answered(Instant at) {
        parts.calls().markAnswered(attempt.sessionId(), at);
      }
    };
  }

  private static CallRequest request(ClaimedAttempt a) {
    return new CallRequest(
        a.sessionId(),
        a.organizationId(),
        a.campaignId(),
        a.contactId(),
        a.agentId(),
        a.line().number(),
        a.to(),
        a.ringTimeout(),
        a.maxDuration(),
        a.variables(),
        a.line().route());
  }

  private static CallResult failure(String reason, boolean retryable, Instant at) {
    return new CallResult(CallOutcome.FAILED, reason, retryable, null, at);
  }
}
