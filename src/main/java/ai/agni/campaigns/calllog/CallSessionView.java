package ai.agni.campaigns.calllog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * A call session as the API shows it (snake_case; times with milliseconds; unset values null).
 * Status is the outcome (completed, no_answer, busy, voicemail, failed) or the live state (queued,
 * ringing, in_progress). {@code sip_call_id} is the Call-ID of the callee's SIP leg (sip numbers
 * only), {@code disconnect_detail} the provider's final word ({@code SIP 486 Busy Here}), and
 * {@code counts_as_attempt} false when the call never reached the callee's carrier (the trunk or
 * runtime could not take it), null while live.
 */
public record CallSessionView(
    @JsonProperty("session_id") UUID sessionId,
    @JsonProperty("campaign_id") UUID campaignId,
    @JsonProperty("contact_id") UUID contactId,
    @JsonProperty("agent_id") UUID agentId,
    int attempt,
    String channel,
    @JsonProperty("caller_number") String callerNumber,
    @JsonProperty("callee_number") String calleeNumber,
    String status,
    @JsonProperty("disconnect_reason") String disconnectReason,
    @JsonProperty("started_at") String startedAt,
    @JsonProperty("answered_at") String answeredAt,
    @JsonProperty("ended_at") String endedAt,
    @JsonProperty("duration_sec") Integer durationSec,
    @JsonProperty("sip_call_id") String sipCallId,
    @JsonProperty("disconnect_detail") String disconnectDetail,
    @JsonProperty("counts_as_attempt") Boolean countsAsAttempt) {}
