package ai.agni.campaigns.calling;

import ai.agni.campaigns.api.Tenant;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/calling/create-call}: one outbound call through the engine's limits. Answers
 * the flat shape of the public docs, not the usual envelope.
 */
@Tag(name = "Calls")
@RestController
class CreateCallController {

  private final CreateCallService createCall;

  CreateCallController(CreateCallService createCall) {
    this.createCall = createCall;
  }

  @Operation(summary = "Place one call outside campaigns")
  @PostMapping("/api/v1/calling/create-call")
  Created create(Tenant tenant, @RequestBody CreateCallRequest request) {
    String session = createCall.create(tenant, request).toString();
    return new Created(true, "call created successfully", session, session, null, null);
  }

  /** The flat answer of the public docs (no envelope); room_id is the session id. */
  @JsonPropertyOrder({"success", "message", "session_id", "room_id", "access_token", "url"})
  @Schema(name = "CallCreated")
  record Created(
      boolean success,
      String message,
      @JsonProperty("session_id") String sessionId,
      @JsonProperty("room_id") String roomId,
      @JsonProperty("access_token") String accessToken,
      String url) {}
}
