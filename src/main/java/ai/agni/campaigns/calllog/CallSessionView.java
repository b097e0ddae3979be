package ai.agni.campaigns.calllog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * A call session as the API shows it (snake_case; times with milliseconds; unset values null).
 * Status is the outcome (completed, no_answer, busy, voicemail, failed) or the live state (queued,
 * ringing, in_progress).
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
    @JsonProperty("duration_sec") Integer durationSec) {}
