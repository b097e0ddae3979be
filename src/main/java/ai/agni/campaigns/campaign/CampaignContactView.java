package ai.agni.campaigns.campaign;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One contact of a campaign's queue as {@code GET /campaigns/{id}/contacts} shows it.
 *
 * @param lastReason the reason of the last outcome ({@code ring_timeout}, {@code
 *     agent_unavailable}, {@code node_lost}, ...) or why the contact was finished without a call
 *     ({@code dnc}); null before the first end
 * @param waitingFor why a pending contact of an active campaign is not dialed now (see {@link
 *     WaitingFor}); null when it is not waiting
 */
record CampaignContactView(
    String id,
    String firstName,
    String lastName,
    String email,
    String phone,
    String status,
    int attempts,
    String lastOutcome,
    String lastReason,
    String nextAttemptAt,
    @Schema(
            nullable = true,
            allowableValues = {"window", "retry_gap", "frequency_cap", "calling_hours", "capacity"})
        String waitingFor,
    Integer duration,
    String updatedAt) {}
