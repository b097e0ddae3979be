package ai.agni.campaigns.webhook;

/** The events of docs/api.md §8, by their wire name. */
public enum WebhookEvent {
  CALL_COMPLETED("call.completed"),
  CONTACT_FINISHED("contact.finished"),
  CAMPAIGN_STARTED("campaign.started"),
  CAMPAIGN_PAUSED("campaign.paused"),
  CAMPAIGN_RESUMED("campaign.resumed"),
  CAMPAIGN_COMPLETED("campaign.completed");

  private final String wire;

  WebhookEvent(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /**
   * The campaign event of a status change ({@code draft}, {@code active}, {@code paused}, {@code
   * completed}), or null when the change reports none: draft to active starts, paused to active
   * resumes.
   */
  public static WebhookEvent ofCampaignMove(String from, String to) {
    if (from == null || to == null || from.equals(to)) {
      return null;
    }
    return switch (to) {
      case "active" -> "paused".equals(from) ? CAMPAIGN_RESUMED : CAMPAIGN_STARTED;
      case "paused" -> CAMPAIGN_PAUSED;
      case "completed" -> CAMPAIGN_COMPLETED;
      default -> null;
    };
  }

  /** Whether the name is one of the events (for the deliveries filter). */
  static boolean isKnown(String name) {
    for (WebhookEvent e : values()) {
      if (e.wire.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
