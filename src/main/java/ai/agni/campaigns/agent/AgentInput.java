package ai.agni.campaigns.agent;

import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.JsonBody;
import ai.agni.campaigns.platform.HttpUrls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated agent body, for create and for partial update. Only fields the client sent are
 * applied by {@link #applyTo}; an explicit null resets a field to its default (or to null).
 */
final class AgentInput {

  /** Fields with a meaning of their own; every other field is kept in {@code extra}. */
  static final Set<String> KNOWN_FIELDS =
      Set.of(
          "id",
          "organizationId",
          "name",
          "agentName",
          "status",
          "ringDurationMs",
          "maxCallDurationMs",
          "enableVoicemailDetection",
          "webhookUrls",
          "prompt",
          "beginMessage",
          "sipUri",
          "createdAt",
          "updatedAt");

  private static final int MAX_WEBHOOK_URLS = 20;

  private final JsonBody body;
  private final String name;
  private final String agentName;
  private final AgentStatus status;
  private final Integer ringDurationMs;
  private final Integer maxCallDurationMs;
  private final Boolean enableVoicemailDetection;
  private final List<String> webhookUrls;
  private final String prompt;
  private final String beginMessage;
  private final String sipUri;
  private final ObjectNode extra;

  private AgentInput(JsonBody body) {
    this.body = body;
    this.name = body.has("name") ? body.requiredString("name") : null;
    this.agentName = text(body, "agentName", 500);
    this.status = body.raw("status") == null ? null : status(body);
    this.ringDurationMs = body.integer("ringDurationMs", 1_000, 300_000);
    this.maxCallDurationMs = body.integer("maxCallDurationMs", 1_000, 14_400_000);
    this.enableVoicemailDetection = body.bool("enableVoicemailDetection");
    this.webhookUrls = webhookUrls(body);
    this.prompt = text(body, "prompt", 1_000_000);
    this.beginMessage = text(body, "beginMessage", 100_000);
    this.sipUri = sipUri(body);
    this.extra = body.otherFields(KNOWN_FIELDS);
    if (name != null && name.length() > 500) {
      throw body.invalid("name", "must be at most 500 characters");
    }
  }

  static AgentInput read(JsonBody body) {
    return new AgentInput(body);
  }

  /** A new agent; {@code name} is required, everything else has a default. */
  Agent create(UUID organizationId, UUID id, Instant now) {
    if (name == null) {
      throw body.invalid("name", "is required");
    }
    return new Agent(
        id,
        organizationId,
        name,
        agentName,
        status == null ? AgentStatus.ACTIVE : status,
        ringDurationMs == null ? Agent.DEFAULT_RING_DURATION_MS : ringDurationMs,
        maxCallDurationMs == null ? Agent.DEFAULT_MAX_CALL_DURATION_MS : maxCallDurationMs,
        enableVoicemailDetection,
        webhookUrls == null ? List.of() : webhookUrls,
        prompt,
        beginMessage,
        sipUri,
        extra,
        now,
        now);
  }

  /** The agent with only the sent fields changed. */
  Agent applyTo(Agent current, Instant now) {
    return new Agent(
        current.id(),
        current.organizationId(),
        name == null ? current.name() : name,
        body.has("agentName") ? agentName : current.agentName(),
        body.has("status") ? (status == null ? AgentStatus.ACTIVE : status) : current.status(),
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
        body.has("enableVoicemailDetection")
            ? enableVoicemailDetection
            : current.enableVoicemailDetection(),
        body.has("webhookUrls")
            ? (webhookUrls == null ? List.of() : webhookUrls)
            : current.webhookUrls(),
        body.has("prompt") ? prompt : current.prompt(),
        body.has("beginMessage") ? beginMessage : current.beginMessage(),
        body.has("sipUri") ? sipUri : current.sipUri(),
        mergeExtra(current.extra()),
        current.createdAt(),
        now);
  }

  private int pick(String field, Integer sent, int current, int fallback) {
    if (!body.has(field)) {
      return current;
    }
    return sent == null ? fallback : sent;
  }

  /**
   * Sent extra fields replace stored ones of the same name in either casing ({@code voice_id}
   * replaces {@code voiceId}), so one field never shows twice.
   */
  private ObjectNode mergeExtra(ObjectNode current) {
    ObjectNode merged = current.deepCopy();
    for (String sent : extra.propertyNames()) {
      String camel = JsonBody.camelCase(sent);
      List<String> stale = new ArrayList<>();
      for (String stored : merged.propertyNames()) {
        if (JsonBody.camelCase(stored).equals(camel)) {
          stale.add(stored);
        }
      }
      merged.remove(stale);
      merged.set(sent, extra.get(sent));
    }
    return merged;
  }

  static AgentStatus status(JsonBody body) {
    String value = body.string("status");
    if (value == null) {
      throw body.invalid("status", "is required");
    }
    return AgentStatus.parse(value)
        .orElseThrow(() -> body.invalid("status", "must be one of active, inactive"));
  }

  private static String text(JsonBody body, String field, int maxLength) {
    String value = body.string(field);
    if (value != null && value.length() > maxLength) {
      throw body.invalid(field, "must be at most " + maxLength + " characters");
    }
    return value;
  }

  /**
   * A {@code sip:} or {@code sips:} URI with a host ({@code sip:agent@host:5060;transport=tcp}).
   * why this strict: it becomes a Request-URI; whitespace, angle brackets or quotes in it would let
   * a client write other SIP headers.
   */
  private static String sipUri(JsonBody body) {
    String value = text(body, "sipUri", 1_000);
    if (value == null) {
      return null;
    }
    String uri = value.trim();
    String lower = uri.toLowerCase(java.util.Locale.ROOT);
    int colon = uri.indexOf(':');
    String rest = colon < 0 ? "" : uri.substring(colon + 1);
    String host = rest.substring(rest.indexOf('@') + 1).split("[;:?]", 2)[0];
    boolean scheme = lower.startsWith("sip:") || lower.startsWith("sips:");
    if (!scheme || host.isEmpty() || !uri.matches("[\\x21-\\x7e]+") || uri.matches(".*[<>\"].*")) {
      throw body.invalid("sipUri", "must be a sip: or sips: URI with a host");
    }
    return uri;
  }

  private static List<String> webhookUrls(JsonBody body) {
    List<String> urls = body.stringList("webhookUrls");
    if (urls == null) {
      return null;
    }
    if (urls.size() > MAX_WEBHOOK_URLS) {
      throw body.invalid("webhookUrls", "must have at most " + MAX_WEBHOOK_URLS + " URLs");
    }
    List<String> trimmed = new ArrayList<>(urls.size());
    for (int i = 0; i < urls.size(); i++) {
      if (HttpUrls.hasUserInfo(urls.get(i))) {
        throw new InvalidRequestException(
            body.field("webhookUrls") + "[" + i + "]", "must not contain credentials");
      }
      if (!HttpUrls.isAbsoluteHttp(urls.get(i))) {
        throw new InvalidRequestException(
            body.field("webhookUrls") + "[" + i + "]", "must be an absolute http(s) URL");
      }
      trimmed.add(urls.get(i).trim());
    }
    return trimmed;
  }
}
