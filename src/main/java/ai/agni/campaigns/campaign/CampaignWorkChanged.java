package ai.agni.campaigns.campaign;

import java.util.UUID;

/**
 * Published (as a Spring application event) whenever a campaign may have new work for the engine:
 * activated, resumed, contacts added, schedule or limits changed. The dialer listens and wakes up;
 * waking without work is harmless.
 */
public record CampaignWorkChanged(UUID organizationId, UUID campaignId) {}
