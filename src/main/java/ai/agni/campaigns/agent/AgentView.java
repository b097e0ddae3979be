package ai.agni.campaigns.agent;

import ai.agni.campaigns.api.JsonNames;
import ai.agni.campaigns.platform.Times;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * An agent as the API shows it: the known fields in camelCase, then the stored extra fields at top
 * level as given. An extra field never replaces a known one.
 */
@Schema(
    name = "Agent",
    description = "An agent; any other field its creator sent is returned as given.",
    additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
record AgentView(
    UUID id,
    UUID organizationId,
    String name,
    String agentName,
    @Schema(allowableValues = {"ACTIVE", "INACTIVE"}) String status,
    int ringDurationMs,
    int maxCallDurationMs,
    Boolean enableVoicemailDetection,
    List<String> webhookUrls,
    String prompt,
    String beginMessage,
    String sipUri,
    String createdAt,
    String updatedAt,
    @JsonIgnore @Schema(hidden = true) Map<String, JsonNode> extra) {

  /**
   * The fields with a meaning of their own; a stored extra field of one of these names is hidden.
   */
  static final Set<String> KNOWN_FIELDS =
      Arrays.stream(AgentView.class.getRecordComponents())
          .map(RecordComponent::getName)
          .filter(name -> !name.equals("extra"))
          .collect(Collectors.toUnmodifiableSet());

  static AgentView of(Agent agent) {
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : agent.extra().properties()) {
      if (!KNOWN_FIELDS.contains(JsonNames.camelCase(field.getKey()))) {
        extra.put(field.getKey(), field.getValue());
      }
    }
    return new AgentView(
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
        Times.iso(agent.updatedAt()),
        extra);
  }

  /** The stored extra fields, written after the known ones at top level. */
  @JsonAnyGetter
  Map<String, JsonNode> extraFields() {
    return extra;
  }
}
