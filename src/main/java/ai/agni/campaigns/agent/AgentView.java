package ai.agni.campaigns.agent;

import ai.agni.campaigns.api.JsonBody;
import ai.agni.campaigns.platform.Times;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an agent as the API shows it: the known fields in camelCase, then the stored extra fields
 * at top level as given. An extra field never replaces a known one.
 */
@Component
class AgentView {

  private final ObjectMapper json;

  AgentView(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode of(Agent agent) {
    ObjectNode node = json.valueToTree(Known.of(agent));
    for (Map.Entry<String, JsonNode> field : agent.extra().properties()) {
      String name = field.getKey();
      if (!node.has(name) && !AgentInput.KNOWN_FIELDS.contains(JsonBody.camelCase(name))) {
        node.set(name, field.getValue());
      }
    }
    return node;
  }

  /** The fields with a meaning of their own, in output order. */
  record Known(
      UUID id,
      UUID organizationId,
      String name,
      String agentName,
      String status,
      int ringDurationMs,
      int maxCallDurationMs,
      Boolean enableVoicemailDetection,
      List<String> webhookUrls,
      String prompt,
      String beginMessage,
      String sipUri,
      String createdAt,
      String updatedAt) {

    static Known of(Agent agent) {
      return new Known(
          agent.id(),
          agent.organizationId(),
          agent.name(),
          agent.agentName(),
          agent.status().name(),
          agent.ringDurationMs(),
          agent.maxCallDurationMs(),
          agent.enableVoicemailDetection(),
          agent.webhookUrls(),
          agent.prompt(),
          agent.beginMessage(),
          agent.sipUri(),
          Times.iso(agent.createdAt()),
          Times.iso(agent.updatedAt()));
    }
  }
}
