package ai.agni.campaigns.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallResult.Disposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SipOutcomesTest {

  @ParameterizedTest
  @CsvSource({
    "486, BUSY, sip_486, true, ATTEMPT",
    "600, BUSY, sip_600, true, ATTEMPT",
    "603, BUSY, sip_603, true, ATTEMPT",
    "408, NO_ANSWER, sip_408, true, ATTEMPT",
    "480, NO_ANSWER, sip_480, true, ATTEMPT",
    "487, NO_ANSWER, sip_487, true, ATTEMPT",
    "404, FAILED, invalid_number, false, ATTEMPT",
    "410, FAILED, invalid_number, false, ATTEMPT",
    "484, FAILED, invalid_number, false, ATTEMPT",
    "604, FAILED, invalid_number, false, ATTEMPT",
    "401, FAILED, trunk_auth_failed, true, LINE_AUTH_FAILED",
    "407, FAILED, trunk_auth_failed, true, LINE_AUTH_FAILED",
    "502, FAILED, trunk_unavailable, true, LINE_UNAVAILABLE",
    "503, FAILED, trunk_unavailable, true, LINE_UNAVAILABLE",
    "504, FAILED, trunk_unavailable, true, LINE_UNAVAILABLE",
    "500, FAILED, sip_500, true, ATTEMPT",
    "403, FAILED, sip_403, true, ATTEMPT",
    "488, FAILED, sip_488, true, ATTEMPT",
    "302, FAILED, sip_302, true, ATTEMPT",
    "606, FAILED, sip_606, true, ATTEMPT"
  })
  void everyFinalAnswerOfTheContractTable(
      int code, CallOutcome outcome, String reason, boolean retryable, Disposition disposition) {
    assertThat(SipOutcomes.ofFinalResponse(code, false))
        .isEqualTo(new SipOutcomes.Ending(outcome, reason, retryable, disposition));
  }

  @ParameterizedTest
  @ValueSource(ints = {487, 486, 503, 200})
  void afterOurCancelAnyFinalAnswerIsARingTimeout(int code) {
    assertThat(SipOutcomes.ofFinalResponse(code, true))
        .isEqualTo(
            new SipOutcomes.Ending(
                CallOutcome.NO_ANSWER, "ring_timeout", true, Disposition.ATTEMPT));
  }

  @Test
  void noAnswerAtAllIsTheTrunkUnavailableUnlessWeHadCancelled() {
    assertThat(SipOutcomes.unreachable(false).disposition())
        .isEqualTo(Disposition.LINE_UNAVAILABLE);
    assertThat(SipOutcomes.unreachable(false).reason()).isEqualTo("trunk_unavailable");
    assertThat(SipOutcomes.unreachable(true).reason()).isEqualTo("ring_timeout");
  }

  @Test
  void theAgentMaySayVoicemailAndGiveAShortReason() {
    assertThat(SipOutcomes.agentOutcome("voicemail")).isEqualTo(CallOutcome.VOICEMAIL);
    assertThat(SipOutcomes.agentOutcome(" VoiceMail ")).isEqualTo(CallOutcome.VOICEMAIL);
    assertThat(SipOutcomes.agentOutcome("completed")).isEqualTo(CallOutcome.COMPLETED);
    assertThat(SipOutcomes.agentOutcome("busy"))
        .as("not the agent's to say")
        .isEqualTo(CallOutcome.COMPLETED);
    assertThat(SipOutcomes.agentOutcome(null)).isEqualTo(CallOutcome.COMPLETED);
    assertThat(SipOutcomes.agentReason("machine_detected", "agent_hangup"))
        .isEqualTo("machine_detected");
    assertThat(SipOutcomes.agentReason(null, "agent_hangup")).isEqualTo("agent_hangup");
    assertThat(SipOutcomes.agentReason("  ", "agent_hangup")).isEqualTo("agent_hangup");
    assertThat(SipOutcomes.agentReason("x".repeat(101), "agent_hangup")).isEqualTo("agent_hangup");
    assertThat(SipOutcomes.agentReason("caf\u00e9", "agent_hangup"))
        .as("plain ASCII only")
        .isEqualTo("agent_hangup");
  }

  @Test
  void theDetailNamesTheCodeAndPhraseWithoutControlCharacters() {
    assertThat(SipOutcomes.detail(486, "Busy Here")).isEqualTo("SIP 486 Busy Here");
    assertThat(SipOutcomes.detail(503, null)).isEqualTo("SIP 503");
    assertThat(SipOutcomes.detail(500, "a\r\nb")).isEqualTo("SIP 500 a  b");
    assertThat(SipOutcomes.detail(500, "y".repeat(500))).hasSize(200);
  }
}
