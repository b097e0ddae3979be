package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.queue.QueueRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, reading, listing and deleting campaigns; updates live in {@link CampaignUpdater}. */
@Service
class CampaignService {

  private static final int MAX_ATTEMPTS = 3;

  private final CampaignRepository campaigns;
  private final QueueRepository queue;
  private final CampaignReferences references;
  private final Clock clock;

  CampaignService(
      CampaignRepository campaigns,
      QueueRepository queue,
      CampaignReferences references,
      Clock clock) {
    this.campaigns = campaigns;
    this.queue = queue;
    this.references = references;
    this.clock = clock;
  }

  /** A draft campaign with its contacts queued as pending. */
  @Transactional
  Campaign create(Tenant tenant, CreateCampaignRequest.NewCampaign request) {
    UUID org = tenant.organizationId();
    references.requireRouting(
        org, request.agentId(), request.phoneNumberId(), request.fromPhoneNumber(), request.sent());
    request.contactIds().requireKnown(references.unknownContacts(org, request.contactIds().ids()));
    Instant now = clock.instant();
    Campaign campaign =
        new Campaign(
            Ids.newId(),
            org,
            request.name(),
            request.agentId(),
            request.phoneNumberId(),
            request.fromPhoneNumber(),
            CampaignStatus.DRAFT,
            request.schedule(),
            request.outboundMaxConcurrent(),
            request.outboundMaxCps(),
            null,
            null,
            now,
            now,
            0);
    campaigns.insert(campaign);
    queue.create(org, campaign.id());
    queue.add(org, campaign.id(), request.contactIds().ids(), now, false);
    return campaign;
  }

  /** The organization's campaign; malformed and foreign ids are 404 alike. */
  Campaign require(UUID organizationId, String id) {
    UUID campaignId = Ids.parseOrNull(id);
    if (campaignId == null) {
      throw new NotFoundException("Campaign", id);
    }
    return campaigns
        .find(organizationId, campaignId)
        .orElseThrow(() -> new NotFoundException("Campaign", id));
  }

  List<Campaign> list(UUID organizationId, CampaignStatus status, String search, PageParams page) {
    return campaigns.list(organizationId, status, search, page);
  }

  long count(UUID organizationId, CampaignStatus status, String search) {
    return campaigns.count(organizationId, status, search);
  }

  /** Deletes a campaign that is not active, with its queue; its call records stay. */
  @Transactional
  Campaign delete(UUID organizationId, String id) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Campaign current = require(organizationId, id);
      if (current.status() == CampaignStatus.ACTIVE) {
        throw new ConflictException("Cannot delete an active campaign; pause or complete it first");
      }
      if (campaigns.claimForDelete(organizationId, current.id(), current.version())) {
        queue.deleteQueue(organizationId, current.id());
        campaigns.delete(organizationId, current.id());
        return current;
      }
    }
    throw new ConflictException("Campaign " + id + " is being changed concurrently; retry");
  }
}
