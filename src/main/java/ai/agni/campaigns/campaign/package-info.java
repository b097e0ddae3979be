/**
 * Campaigns: the campaign API (create, list, read, partial update, lifecycle shortcuts, delete),
 * the status transition table, schedule validation, who is in a campaign (membership and listing,
 * through the {@code queue} feature, which owns the queue and its counters), the Idempotency-Key
 * replay of creation, and the {@link ai.agni.campaigns.campaign.CampaignWorkChanged} wake-up of the
 * dialer. {@code schedule/} (pure calling-window logic) belongs to the schedule feature.
 */
package ai.agni.campaigns.campaign;
