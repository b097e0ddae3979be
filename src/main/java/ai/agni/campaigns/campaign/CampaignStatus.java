package ai.agni.campaigns.campaign;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign's status (the user's intent) with its execution status (what the engine does), and the
 * one table of allowed transitions: draft→active, active⇄paused, draft|active|paused→completed.
 */
public enum CampaignStatus {
  DRAFT("draft", "draft"),
  ACTIVE("active", "running"),
  PAUSED("paused", "paused"),
  COMPLETED("completed", "completed");

  private static final Map<CampaignStatus, Set<CampaignStatus>> ALLOWED =
      Map.of(
          DRAFT, EnumSet.of(ACTIVE, COMPLETED),
          ACTIVE, EnumSet.of(PAUSED, COMPLETED),
          PAUSED, EnumSet.of(ACTIVE, COMPLETED),
          COMPLETED, EnumSet.noneOf(CampaignStatus.class));

  private final String wire;
  private final String executionStatus;

  CampaignStatus(String wire, String executionStatus) {
    this.wire = wire;
    this.executionStatus = executionStatus;
  }

  /** The lowercase value of {@code status} in the API and the database. */
  public String wire() {
    return wire;
  }

  /** The matching value of {@code executionStatus}. */
  public String executionStatus() {
    return executionStatus;
  }

  /** Whether a campaign may move from one status to another (same-state is not a transition). */
  public static boolean isAllowed(CampaignStatus from, CampaignStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /** Throws the 409 naming both states unless the move is allowed. */
  static void check(CampaignStatus from, CampaignStatus to) {
    if (!isAllowed(from, to)) {
      throw new IllegalStatusTransition(from, to);
    }
  }

  static List<String> wireValues() {
    return List.of("draft", "active", "paused", "completed");
  }

  static List<String> executionValues() {
    return List.of("draft", "running", "paused", "completed");
  }

  /** Parses {@code status} case-insensitively. */
  static Optional<CampaignStatus> parse(String value) {
    String lower = value.trim().toLowerCase(Locale.ROOT);
    for (CampaignStatus status : values()) {
      if (status.wire.equals(lower)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** Parses {@code executionStatus} case-insensitively ({@code running} is active). */
  static Optional<CampaignStatus> parseExecution(String value) {
    String lower = value.trim().toLowerCase(Locale.ROOT);
    for (CampaignStatus status : values()) {
      if (status.executionStatus.equals(lower)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  static CampaignStatus fromDatabase(String value) {
    return parse(value).orElseThrow(() -> new IllegalStateException("unknown status " + value));
  }

  /**
   * The name of a change from {@code from} to this status, as logs and events say it: started,
   * resumed, paused or completed.
   */
  String changeFrom(CampaignStatus from) {
    return switch (this) {
      case ACTIVE -> from == PAUSED ? "resumed" : "started";
      case PAUSED -> "paused";
      case COMPLETED -> "completed";
      case DRAFT -> "drafted";
    };
  }
}
