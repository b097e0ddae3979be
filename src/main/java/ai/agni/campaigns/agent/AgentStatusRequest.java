package ai.agni.campaigns.agent;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code PATCH /agents/{id}/status}. */
record AgentStatusRequest(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"active", "inactive"},
            description = "Case-insensitive; AGENT_STATUS_ACTIVE is accepted too.")
        String status,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {

  AgentStatus parsed() {
    if (status == null) {
      throw sent.invalid("status", "is required");
    }
    return AgentStatus.parse(status)
        .orElseThrow(() -> sent.invalid("status", "must be one of active, inactive"));
  }
}
