package ai.agni.campaigns.dialer;

import ai.agni.campaigns.calllog.CallRecordRepository;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Settles calls from what a provider reports to this node about a call any node placed: the live
 * row says what the call is, and removing it (in {@link OutcomeRecorder#settleNow}) makes the end
 * happen once, whoever reports it first.
 */
final class SettleReportedCalls {

  private final LiveCallRepository liveCalls;
  private final CallRecordRepository callRecords;
  private final OutcomeRecorder recorder;

  SettleReportedCalls(
      LiveCallRepository liveCalls, CallRecordRepository callRecords, OutcomeRecorder recorder) {
    this.liveCalls = liveCalls;
    this.callRecords = callRecords;
    this.recorder = recorder;
  }

  boolean isLive(UUID sessionId) {
    return placed(sessionId).isPresent();
  }

  void answered(UUID sessionId, Instant at) {
    if (isLive(sessionId)) {
      recorder.answered(sessionId, at);
    }
  }

  boolean finished(UUID sessionId, CallResult result) {
    Optional<LiveCallRepository.LiveCall> call = placed(sessionId);
    return call.isPresent()
        && recorder.settleNow(List.of(call.get().toAttempt()), withAnswer(sessionId, result)) == 1;
  }

  /**
   * why: the answer may have reached another node, which wrote it; the end then keeps its time (and
   * the talk time counts from it).
   */
  private CallResult withAnswer(UUID sessionId, CallResult r) {
    if (r.answeredAt() != null) {
      return r;
    }
    return callRecords
        .answeredAt(sessionId)
        .map(
            at ->
                new CallResult(
                    r.outcome(),
                    r.reason(),
                    r.retryable(),
                    at,
                    r.endedAt(),
                    r.disposition(),
                    r.retryAfter(),
                    r.providerRef(),
                    r.detail()))
        .orElse(r);
  }

  private Optional<LiveCallRepository.LiveCall> placed(UUID sessionId) {
    return liveCalls.find(sessionId).filter(LiveCallRepository.LiveCall::placed);
  }
}
