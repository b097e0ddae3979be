package ai.agni.campaigns.dialer;

import ai.agni.campaigns.campaign.schedule.RetryPolicy;
import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides what a finished attempt means for its contact (contract section 6, "Outcomes and
 * retries") and hands the write to {@link AttemptOperations}; it never writes SQL itself. Retry
 * settings and window are read fresh, so a change applies to the next decision.
 */
@Component
class OutcomeRecorder {

  private final AttemptOperations operations;
  private final EngineCampaignRepository campaigns;
  private final DialerMetrics metrics;

  OutcomeRecorder(
      AttemptOperations operations, EngineCampaignRepository campaigns, DialerMetrics metrics) {
    this.operations = operations;
    this.campaigns = campaigns;
    this.metrics = metrics;
  }

  AttemptOperations operations() {
    return operations;
  }

  /** Records the outcome; false when someone else settled the attempt first. */
  boolean record(AttemptRef ref, CallResult result) {
    boolean recorded = ref.campaignId() == null ? adHoc(ref, result) : inCampaign(ref, result);
    if (recorded) {
      metrics.finished(result.outcome());
    }
    return recorded;
  }

  private DialingRules freshRules(AttemptRef ref) {
    Optional<EngineCampaignRepository.CampaignState> state =
        campaigns.state(ref.organizationId(), ref.campaignId());
    return state.map(EngineCampaignRepository.CampaignState::rules).orElse(null);
  }

  private boolean adHoc(AttemptRef ref, CallResult result) {
    return operations.finish(ref, result, null);
  }

  private boolean inCampaign(AttemptRef ref, CallResult result) {
    if (result.outcome() == CallOutcome.COMPLETED) {
      return operations.finish(ref, result, "successful");
    }
    String finalState = result.outcome() == CallOutcome.FAILED ? "failed" : "no_answer";
    if (result.outcome() == CallOutcome.FAILED && !result.retryable()) {
      return operations.finish(ref, result, finalState);
    }
    // why: read fresh, so retry settings and window changed while the call was live apply to this
    // decision ("take effect at once"); the claim's copy only when the row cannot be read.
    DialingRules fresh = freshRules(ref);
    DialingRules rules = fresh != null ? fresh : ref.rules();
    if (rules == null) {
      return operations.finish(ref, result, finalState);
    }
    if (ref.attempt() >= 1 + rules.retryAttempts()) {
      return operations.finish(ref, result, finalState);
    }
    Instant endedAt = result.endedAt();
    Instant next =
        RetryPolicy.nextAttemptAt(
                ref.attempt(),
                rules.retryAttempts(),
                rules.retryGapMin(),
                endedAt,
                rules.window(),
                rules.zone())
            // why: the window never opens again (the end passes first); the contact stays
            // pending, as the contract keeps pending contacts of a campaign that reached its end.
            .orElse(endedAt.plus(Duration.ofMinutes(rules.retryGapMin())));
    return operations.reschedule(ref, result, next);
  }
}
