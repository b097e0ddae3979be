package ai.agni.campaigns.calling;

import ai.agni.campaigns.api.Tenant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/calling/create-call}: one outbound call through the engine's limits. Answers
 * the flat shape of the public docs, not the usual envelope.
 */
@RestController
class CreateCallController {

  private final CreateCallService createCall;

  CreateCallController(CreateCallService createCall) {
    this.createCall = createCall;
  }

  @PostMapping("/api/v1/calling/create-call")
  Map<String, Object> create(Tenant tenant, @RequestBody CreateCallRequest request) {
    UUID session = createCall.create(tenant, request);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("success", true);
    out.put("message", "call created successfully");
    out.put("session_id", session.toString());
    out.put("room_id", session.toString());
    out.put("access_token", null);
    out.put("url", null);
    return out;
  }
}
