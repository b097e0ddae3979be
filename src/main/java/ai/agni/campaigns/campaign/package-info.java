/**
 * Campaigns: the campaign API (create, list, read, partial update, lifecycle shortcuts, delete),
 * the status transition table, schedule validation, the campaign's contact queue ({@code
 * campaign_contacts}: membership, listing, exact {@code contactStats}), the Idempotency-Key replay
 * of creation, and the {@link ai.agni.campaigns.campaign.CampaignWorkChanged} wake-up of the
 * dialer. {@code schedule/} (pure calling-window logic) belongs to the schedule feature.
 */
package ai.agni.campaigns.campaign;
