package ai.agni.campaigns.campaign;

import java.util.Collection;
import java.util.UUID;

/**
 * Adds contacts to a campaign's queue; used by the campaign API and by the CSV import's {@code
 * campaign_id} option. Implemented by the campaign feature.
 */
public interface CampaignMembership {

  /**
   * Checks that the campaign exists in the organization and still accepts contacts.
   *
   * @throws ai.agni.campaigns.api.NotFoundException when it is not the organization's
   * @throws ai.agni.campaigns.api.ConflictException when it is completed
   */
  void requireOpenCampaign(UUID organizationId, UUID campaignId);

  /**
   * Adds the contacts (all already known to belong to the organization) as {@code pending};
   * contacts already in the campaign are left as they are. Wakes the engine when the campaign is
   * active. Returns how many were newly added.
   */
  int addContacts(UUID organizationId, UUID campaignId, Collection<UUID> contactIds);
}
