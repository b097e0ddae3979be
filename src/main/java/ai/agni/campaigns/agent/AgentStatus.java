package ai.agni.campaigns.agent;

import java.util.Locale;
import java.util.Optional;

/** Whether an agent may be used by an active campaign. */
public enum AgentStatus {
  ACTIVE,
  INACTIVE;

  private static final String PROTO_PREFIX = "AGENT_STATUS_";

  /**
   * Parses {@code active}, {@code Inactive}, ... and the protobuf-style {@code AGENT_STATUS_ACTIVE}
   * that some clients of the public API send.
   */
  static Optional<AgentStatus> parse(String value) {
    String upper = value.trim().toUpperCase(Locale.ROOT);
    if (upper.startsWith(PROTO_PREFIX)) {
      upper = upper.substring(PROTO_PREFIX.length());
    }
    for (AgentStatus status : values()) {
      if (status.name().equals(upper)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
