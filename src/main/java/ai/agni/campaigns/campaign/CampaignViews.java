package ai.agni.campaigns.campaign;

import ai.agni.campaigns.organization.Organization;
import ai.agni.campaigns.organization.OrganizationRepository;
import ai.agni.campaigns.queue.ContactStats;
import ai.agni.campaigns.queue.QueueRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns campaign rows into API views: exact stats from the queue's counters, organization caps
 * filled in, and the window as it is now on the injected clock.
 */
@Component
class CampaignViews {

  private final QueueRepository queue;
  private final OrganizationRepository organizations;
  private final Clock clock;

  CampaignViews(QueueRepository queue, OrganizationRepository organizations, Clock clock) {
    this.queue = queue;
    this.organizations = organizations;
    this.clock = clock;
  }

  CampaignView of(Campaign campaign) {
    return CampaignView.of(
        campaign,
        queue.stats(campaign.organizationId(), campaign.id()),
        organization(campaign.organizationId()),
        campaign.schedule().windowStatus(clock.instant()));
  }

  List<CampaignView> of(UUID organizationId, List<Campaign> campaigns) {
    if (campaigns.isEmpty()) {
      return List.of();
    }
    Organization org = organization(organizationId);
    Map<UUID, ContactStats> stats =
        queue.stats(organizationId, campaigns.stream().map(Campaign::id).toList());
    Instant now = clock.instant();
    return campaigns.stream()
        .map(
            c ->
                CampaignView.of(
                    c,
                    stats.getOrDefault(c.id(), ContactStats.EMPTY),
                    org,
                    c.schedule().windowStatus(now)))
        .toList();
  }

  private Organization organization(UUID organizationId) {
    return organizations
        .find(organizationId)
        .orElseThrow(() -> new IllegalStateException("no organization " + organizationId));
  }
}
