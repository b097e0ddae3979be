package ai.agni.campaigns.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One delivery (an event to one URL) as the API shows it (snake_case; unset values null). {@code
 * next_attempt_at} is set while pending: when it is tried next.
 */
record DeliveryView(
    String id,
    @JsonProperty("event_id") String eventId,
    String event,
    String url,
    String status,
    int attempts,
    @JsonProperty("last_status_code") Integer lastStatusCode,
    @JsonProperty("last_error") String lastError,
    @JsonProperty("next_attempt_at") String nextAttemptAt,
    @JsonProperty("delivered_at") String deliveredAt,
    @JsonProperty("created_at") String createdAt) {}
