package ai.agni.campaigns.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * A voice agent. {@code extra} holds every other field the client sent (model, voiceId, ...)
 * exactly as given; treat it as read-only.
 */
public record Agent(
    UUID id,
    UUID organizationId,
    String name,
    String agentName,
    AgentStatus status,
    int ringDurationMs,
    int maxCallDurationMs,
    Boolean enableVoicemailDetection,
    List<String> webhookUrls,
    String prompt,
    String beginMessage,
    String sipUri,
    ObjectNode extra,
    Instant createdAt,
    Instant updatedAt) {

  public static final int DEFAULT_RING_DURATION_MS = 30_000;
  public static final int DEFAULT_MAX_CALL_DURATION_MS = 600_000;

  public Agent {
    webhookUrls = List.copyOf(webhookUrls);
  }

  public boolean isActive() {
    return status == AgentStatus.ACTIVE;
  }
}
