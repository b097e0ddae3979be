package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.queue.QueueRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a campaign's queue: adds contacts (for the campaign API and the CSV import) and removes
 * the ones without a live call.
 */
@Service
class CampaignMembershipService implements CampaignMembership {

  private final CampaignRepository campaigns;
  private final QueueRepository queue;
  private final WorkChangedPublisher wake;
  private final Clock clock;

  CampaignMembershipService(
      CampaignRepository campaigns, QueueRepository queue, WorkChangedPublisher wake, Clock clock) {
    this.campaigns = campaigns;
    this.queue = queue;
    this.wake = wake;
    this.clock = clock;
  }

  @Override
  public void requireOpenCampaign(UUID organizationId, UUID campaignId) {
    open(organizationId, campaignId);
  }

  @Override
  @Transactional
  public int addContacts(UUID organizationId, UUID campaignId, Collection<UUID> contactIds) {
    Campaign campaign = open(campaigns.lock(organizationId, campaignId), campaignId);
    boolean active = campaign.status() == CampaignStatus.ACTIVE;
    int added = queue.add(organizationId, campaignId, contactIds, clock.instant(), active);
    if (added > 0 && active) {
      wake.afterCommit(organizationId, campaignId);
    }
    return added;
  }

  /**
   * Removes the contacts that are in the campaign and not in a live call; reports what was removed,
   * what was kept (in a call) and what was not in the campaign.
   */
  @Transactional
  Removal remove(UUID organizationId, UUID campaignId, List<UUID> contactIds) {
    Campaign campaign = open(organizationId, campaignId);
    Set<UUID> before = queue.queued(organizationId, campaign.id(), contactIds);
    Set<UUID> removed = queue.removeIdle(organizationId, campaign.id(), before);
    Set<UUID> kept = new LinkedHashSet<>(before);
    kept.removeAll(removed);
    Set<UUID> absent = new LinkedHashSet<>(contactIds);
    absent.removeAll(before);
    return new Removal(strings(removed), strings(kept), strings(absent));
  }

  private Campaign open(UUID organizationId, UUID campaignId) {
    return open(campaigns.find(organizationId, campaignId), campaignId);
  }

  private static Campaign open(Optional<Campaign> found, UUID campaignId) {
    Campaign campaign = found.orElseThrow(() -> new NotFoundException("Campaign", campaignId));
    if (campaign.status() == CampaignStatus.COMPLETED) {
      throw new ConflictException("Cannot change the contacts of a completed campaign");
    }
    return campaign;
  }

  private static List<String> strings(Set<UUID> ids) {
    return ids.stream().map(UUID::toString).toList();
  }

  /** The answer of a removal: ids removed, kept because a call is live, and not in the campaign. */
  record Removal(List<String> removed, List<String> kept, List<String> notInCampaign) {}
}
