package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.PageQuery;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.queue.ContactStats;
import ai.agni.campaigns.queue.QueueRepository;
import ai.agni.campaigns.queue.QueueState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/campaigns/{id}/contacts}: add, remove and list a campaign's contacts. */
@Tag(name = "Campaigns")
@RestController
@RequestMapping("/api/v1/campaigns/{id}/contacts")
class CampaignContactController {

  static final List<String> STATES =
      List.of("pending", "in_progress", "successful", "no_answer", "failed");

  private final CampaignService service;
  private final CampaignMembershipService membership;
  private final CampaignReferences references;
  private final QueueRepository queue;
  private final CampaignContactViews views;

  CampaignContactController(
      CampaignService service,
      CampaignMembershipService membership,
      CampaignReferences references,
      QueueRepository queue,
      CampaignContactViews views) {
    this.service = service;
    this.membership = membership;
    this.references = references;
    this.queue = queue;
    this.views = views;
  }

  @Operation(summary = "Add contacts to a campaign")
  @PostMapping
  ApiResponse<Added> add(
      Tenant tenant, @PathVariable String id, @RequestBody CampaignContactsRequest request) {
    UUID org = tenant.organizationId();
    Campaign campaign = service.require(org, id);
    CampaignRequests.ContactIds ids = request.ids();
    ids.requireKnown(references.unknownContacts(org, ids.ids()));
    int added = membership.addContacts(org, campaign.id(), ids.ids());
    return ApiResponse.ok(
        "Contacts added to campaign successfully",
        new Added(
            campaign.id().toString(),
            added,
            ids.ids().size() - added,
            queue.stats(org, campaign.id())));
  }

  @Operation(summary = "Remove contacts that are not in a call from a campaign")
  @DeleteMapping
  ApiResponse<CampaignMembershipService.Removal> remove(
      Tenant tenant, @PathVariable String id, @RequestBody CampaignContactsRequest request) {
    UUID org = tenant.organizationId();
    Campaign campaign = service.require(org, id);
    CampaignRequests.ContactIds ids = request.ids();
    ids.requireKnown(List.of());
    return ApiResponse.ok(
        "Contacts removed from campaign successfully",
        membership.remove(org, campaign.id(), ids.ids()));
  }

  @Operation(summary = "List a campaign's contacts with their state and attempts")
  @GetMapping
  ApiResponse<List<CampaignContactView>> list(
      Tenant tenant,
      @PathVariable String id,
      @RequestParam(required = false) String status,
      @ParameterObject @Valid PageQuery paging) {
    UUID org = tenant.organizationId();
    Campaign campaign = service.require(org, id);
    PageParams page = paging.page();
    QueueState state = status == null || status.isBlank() ? null : state(status);
    return ApiResponse.list(
        "Campaign contacts fetched successfully",
        views.of(campaign, queue.list(org, campaign.id(), state, page)),
        queue.count(org, campaign.id(), state),
        page);
  }

  private static QueueState state(String status) {
    String lower = status.trim().toLowerCase(Locale.ROOT);
    if (!STATES.contains(lower)) {
      throw new InvalidRequestException("status", "must be one of " + String.join(", ", STATES));
    }
    return QueueState.parse(lower);
  }

  /** The answer of adding contacts. */
  @Schema(name = "CampaignContactsAdded")
  record Added(String campaignId, int added, int alreadyInCampaign, ContactStats contactStats) {}
}
