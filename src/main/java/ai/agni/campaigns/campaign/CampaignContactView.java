package ai.agni.campaigns.campaign;

/** One contact of a campaign's queue as {@code GET /campaigns/{id}/contacts} shows it. */
record CampaignContactView(
    String id,
    String firstName,
    String lastName,
    String email,
    String phone,
    String status,
    int attempts,
    String lastOutcome,
    String nextAttemptAt,
    Integer duration,
    String updatedAt) {}
