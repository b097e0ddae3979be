package ai.agni.campaigns.agent;

import ai.agni.campaigns.api.JsonNames;
import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.platform.HttpUrls;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of agent create and partial update. Only the fields sent change an agent; an explicit
 * null resets a field to its default (or to null). Every other field a client sends (model,
 * voiceId, temperature, ...) is stored and returned as given.
 */
@Schema(
    name = "AgentRequest",
    description =
        "An agent; on update only the fields sent change. Any other field is stored and returned"
            + " as given.")
record AgentRequest(
    @Schema(description = "Required on create.", maxLength = 500) @Size(max = 500, message = MAX)
        String name,
    @Size(max = 500, message = MAX) String agentName,
    @Schema(
            allowableValues = {"active", "inactive"},
            description = "Case-insensitive; AGENT_STATUS_ACTIVE is accepted too. Default active.")
        String status,
    @Schema(description = "Ring longer than this and the attempt ends no_answer. Default 30000.")
        @Min(value = 1_000, message = "must be between 1000 and 300000")
        @Max(value = 300_000, message = "must be between 1000 and 300000")
        Integer ringDurationMs,
    @Schema(description = "Calls are hung up after this. Default 600000.")
        @Min(value = 1_000, message = "must be between 1000 and 14400000")
        @Max(value = 14_400_000, message = "must be between 1000 and 14400000")
        Integer maxCallDurationMs,
    Boolean enableVoicemailDetection,
    @Schema(description = "Absolute http(s) URLs that receive this agent's events.")
        @Size(max = 20, message = "must have at most 20 URLs")
        List<String> webhookUrls,
    @Size(max = 1_000_000, message = MAX) String prompt,
    @Size(max = 100_000, message = MAX) String beginMessage,
    @Schema(
            description = "Where the agent's voice runtime answers SIP calls.",
            example = "sip:reminders@agents.example.com:5060;transport=tcp")
        @Size(max = 1_000, message = MAX)
        String sipUri,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {

  static final String MAX = "must be at most {max} characters";

  /** Fields an agent shows but a client cannot set; sent, they are ignored, never stored. */
  static final Set<String> READ_ONLY = Set.of("id", "organizationId", "createdAt", "updatedAt");

  /** A new agent; {@code name} is required, everything else has a default. */
  Agent create(UUID organizationId, UUID id, Instant now) {
    if (name == null || name.isBlank()) {
      throw sent.invalid("name", "is required");
    }
    return new Agent(
        id,
        organizationId,
        name.trim(),
        agentName,
        status == null ? AgentStatus.ACTIVE : parsedStatus(),
        ringDurationMs == null ? Agent.DEFAULT_RING_DURATION_MS : ringDurationMs,
        maxCallDurationMs == null ? Agent.DEFAULT_MAX_CALL_DURATION_MS : maxCallDurationMs,
        enableVoicemailDetection,
        checkedUrls(),
        prompt,
        beginMessage,
        checkedSipUri(),
        extra(),
        now,
        now);
  }

  /** The agent with only the sent fields changed. */
  Agent applyTo(Agent current, Instant now) {
    if (sent.has("name") && (name == null || name.isBlank())) {
      throw sent.invalid("name", "is required");
    }
    return new Agent(
        current.id(),
        current.organizationId(),
        name == null ? current.name() : name.trim(),
        sent.has("agentName") ? agentName : current.agentName(),
        sent.has("status")
            ? (status == null ? AgentStatus.ACTIVE : parsedStatus())
            : current.status(),
        pick(
            "ringDurationMs",
            ringDurationMs,
            current.ringDurationMs(),
            Agent.DEFAULT_RING_DURATION_MS),
        pick(
            "maxCallDurationMs",
            maxCallDurationMs,
            current.maxCallDurationMs(),
            Agent.DEFAULT_MAX_CALL_DURATION_MS),
        sent.has("enableVoicemailDetection")
            ? enableVoicemailDetection
            : current.enableVoicemailDetection(),
        sent.has("webhookUrls") ? checkedUrls() : current.webhookUrls(),
        sent.has("prompt") ? prompt : current.prompt(),
        sent.has("beginMessage") ? beginMessage : current.beginMessage(),
        sent.has("sipUri") ? checkedSipUri() : current.sipUri(),
        mergeExtra(current.extra()),
        current.createdAt(),
        now);
  }

  AgentStatus parsedStatus() {
    return AgentStatus.parse(status)
        .orElseThrow(() -> sent.invalid("status", "must be one of active, inactive"));
  }

  private int pick(String field, Integer value, int current, int fallback) {
    if (!sent.has(field)) {
      return current;
    }
    return value == null ? fallback : value;
  }

  /** The fields the model does not declare, as sent: stored and returned as given. */
  private ObjectNode extra() {
    ObjectNode extra = sent.others().deepCopy();
    List<String> readOnly = new ArrayList<>();
    for (String name : extra.propertyNames()) {
      if (READ_ONLY.contains(JsonNames.camelCase(name))) {
        readOnly.add(name);
      }
    }
    extra.remove(readOnly);
    return extra;
  }

  /**
   * Sent extra fields replace stored ones of the same name in either casing ({@code voice_id}
   * replaces {@code voiceId}), so one field never shows twice.
   */
  private ObjectNode mergeExtra(ObjectNode current) {
    ObjectNode merged = current.deepCopy();
    ObjectNode extra = extra();
    for (String sentName : extra.propertyNames()) {
      String camel = JsonNames.camelCase(sentName);
      List<String> stale = new ArrayList<>();
      for (String stored : merged.propertyNames()) {
        if (JsonNames.camelCase(stored).equals(camel)) {
          stale.add(stored);
        }
      }
      merged.remove(stale);
      merged.set(sentName, extra.get(sentName));
    }
    return merged;
  }

  /**
   * A {@code sip:} or {@code sips:} URI with a host ({@code sip:agent@host:5060;transport=tcp}).
   * why this strict: it becomes a Request-URI; whitespace, angle brackets or quotes in it would let
   * a client write other SIP headers.
   */
  private String checkedSipUri() {
    if (sipUri == null) {
      return null;
    }
    String uri = sipUri.trim();
    String lower = uri.toLowerCase(Locale.ROOT);
    int colon = uri.indexOf(':');
    String rest = colon < 0 ? "" : uri.substring(colon + 1);
    String host = rest.substring(rest.indexOf('@') + 1).split("[;:?]", 2)[0];
    boolean scheme = lower.startsWith("sip:") || lower.startsWith("sips:");
    if (!scheme || host.isEmpty() || !uri.matches("[\\x21-\\x7e]+") || uri.matches(".*[<>\"].*")) {
      throw sent.invalid("sipUri", "must be a sip: or sips: URI with a host");
    }
    return uri;
  }

  private List<String> checkedUrls() {
    if (webhookUrls == null) {
      return List.of();
    }
    List<String> trimmed = new ArrayList<>(webhookUrls.size());
    for (int i = 0; i < webhookUrls.size(); i++) {
      String url = webhookUrls.get(i);
      if (url != null && HttpUrls.hasUserInfo(url)) {
        throw sent.invalid("webhookUrls[" + i + "]", "must not contain credentials");
      }
      if (url == null || !HttpUrls.isAbsoluteHttp(url)) {
        throw sent.invalid("webhookUrls[" + i + "]", "must be an absolute http(s) URL");
      }
      trimmed.add(url.trim());
    }
    return trimmed;
  }
}
