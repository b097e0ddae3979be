package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.queue.QueueState;
import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an attempt's end means for its contact under a schedule's retry policy (docs/api.md §12.1):
 * an outcome the policy does not retry is final at once; the others share one budget; the gap is
 * the outcome's own, the last repeating.
 */
class OutcomeDecisionTest {

  private static final Instant END = Instant.parse("2026-03-16T10:00:00Z");

  private static final String POLICY =
      "{\"no_answer\":{\"retry\":true,\"gapsMin\":[5,60]},\"busy\":{\"retry\":false},"
          + "\"failed\":{\"retry\":true,\"gapsMin\":[1]}}";

  private static DialingRules rules(String policy) {
    return DialingRules.of(
        "00:00",
        "23:59",
        "0,1,2,3,4,5,6",
        null,
        null,
        "UTC",
        3,
        30,
        "campaign",
        "",
        policy,
        null,
        null);
  }

  private static CallResult result(CallOutcome outcome, boolean retryable) {
    return new CallResult(outcome, "reason", retryable, null, END);
  }

  @ParameterizedTest(name = "{0} (retryable={1}) after attempt {2} -> {3}")
  @CsvSource({
    "NO_ANSWER, true, 1, PENDING",
    "NO_ANSWER, true, 4, NO_ANSWER",
    "BUSY, true, 1, NO_ANSWER",
    "VOICEMAIL, true, 1, PENDING",
    "FAILED, true, 1, PENDING",
    "FAILED, false, 1, FAILED",
    "COMPLETED, true, 1, SUCCESSFUL",
  })
  void thePolicyDecidesPerOutcomeWithinOneBudget(
      CallOutcome outcome, boolean retryable, int attempt, QueueState expected) {
    assertThat(OutcomeRecorder.decide(result(outcome, retryable), attempt, rules(POLICY)))
        .isEqualTo(expected);
  }

  @Test
  void withoutAPolicyEveryRetryableOutcomeRetries() {
    for (CallOutcome outcome :
        new CallOutcome[] {CallOutcome.NO_ANSWER, CallOutcome.BUSY, CallOutcome.VOICEMAIL}) {
      assertThat(OutcomeRecorder.decide(result(outcome, true), 1, rules(null)))
          .isEqualTo(QueueState.PENDING);
    }
  }

  @ParameterizedTest(name = "{0} after attempt {1} retries {2} min later")
  @CsvSource({
    "NO_ANSWER, 1, 5",
    "NO_ANSWER, 2, 60",
    "NO_ANSWER, 3, 60",
    "VOICEMAIL, 1, 30",
    "FAILED, 2, 1",
  })
  void theGapIsTheOutcomesOwn(CallOutcome outcome, int attempt, int minutes) {
    LiveAttempt live =
        new LiveAttempt(
            UUID.randomUUID(),
            UUID.randomUUID(),
            attempt,
            new AttemptOrigin.CampaignContact(
                UUID.randomUUID(), UUID.randomUUID(), 1, null, "Asia/Tokyo"),
            UUID.randomUUID(),
            "simulated");
    assertThat(OutcomeRecorder.nextAttemptAt(live, result(outcome, true), rules(POLICY), ""))
        .isEqualTo(END.plusSeconds(60L * minutes));
  }
}
