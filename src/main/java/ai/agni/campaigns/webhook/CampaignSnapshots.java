package ai.agni.campaigns.webhook;

import java.util.Optional;
import java.util.UUID;

/**
 * The campaign object of campaign events, as {@code GET /campaigns/{id}} shows it (docs/api.md §8):
 * implemented by the campaign feature, read inside the transaction that moved the campaign, so the
 * event shows the campaign as that transaction left it.
 */
public interface CampaignSnapshots {

  /** The campaign's API view (serialized as the API serializes it), or empty when it is gone. */
  Optional<Object> snapshot(UUID organizationId, UUID campaignId);
}
