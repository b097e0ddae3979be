package ai.agni.campaigns.campaign;

import ai.agni.campaigns.webhook.CampaignSnapshots;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The campaign object of webhook campaign events: the view {@code GET /campaigns/{id}} answers. */
@Component
class CampaignEventSnapshots implements CampaignSnapshots {

  private final CampaignRepository campaigns;
  private final CampaignViews views;

  CampaignEventSnapshots(CampaignRepository campaigns, CampaignViews views) {
    this.campaigns = campaigns;
    this.views = views;
  }

  @Override
  public Optional<Object> snapshot(UUID organizationId, UUID campaignId) {
    return campaigns.find(organizationId, campaignId).map(views::of);
  }
}
