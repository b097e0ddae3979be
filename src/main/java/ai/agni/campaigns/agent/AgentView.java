package ai.agni.campaigns.agent;

import ai.agni.campaigns.api.JsonNames;
import ai.agni.campaigns.platform.Times;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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

  /**
   * The fields with a meaning of their own; a stored extra field of one of these names is hidden.
   */
  static final Set<String> KNOWN_FIELDS =
      Arrays.stream(Known.class.getRecordComponents())
          .map(RecordComponent::getName)
          .collect(Collectors.toUnmodifiableSet());

  private final ObjectMapper json;

  AgentView(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode of(Agent agent) {
    ObjectNode node = json.valueToTree(Known.of(agent));
    for (Map.Entry<String, JsonNode> field : agent.extra().properties()) {
      String name = field.getKey();
      if (!node.has(name) && !KNOWN_FIELDS.contains(JsonNames.camelCase(name))) {
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
