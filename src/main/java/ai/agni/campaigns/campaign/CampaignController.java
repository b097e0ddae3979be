package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.PageQuery;
import ai.agni.campaigns.api.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/campaigns}: create, list, read, partial update, lifecycle shortcuts, delete. */
@Tag(name = "Campaigns")
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

  static final String UPDATED = "Campaign updated successfully";

  private final CampaignCreation creation;
  private final CampaignService service;
  private final CampaignUpdater updater;
  private final CampaignViews views;

  CampaignController(
      CampaignCreation creation,
      CampaignService service,
      CampaignUpdater updater,
      CampaignViews views) {
    this.creation = creation;
    this.service = service;
    this.updater = updater;
    this.views = views;
  }

  @Operation(summary = "Create a campaign (draft)")
  @PostMapping
  ApiResponse<CampaignView> create(
      Tenant tenant,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody CreateCampaignRequest request) {
    return creation.create(tenant, request, idempotencyKey);
  }

  @Operation(summary = "List campaigns")
  @GetMapping
  ApiResponse<List<CampaignView>> list(
      Tenant tenant,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String search,
      @ParameterObject @Valid PageQuery paging) {
    PageParams page = paging.page();
    CampaignStatus filter = status == null || status.isBlank() ? null : statusFilter(status);
    UUID org = tenant.organizationId();
    return ApiResponse.list(
        "Campaigns fetched successfully",
        views.of(org, service.list(org, filter, search, page)),
        service.count(org, filter, search),
        page);
  }

  @Operation(summary = "Get a campaign")
  @GetMapping("/{id}")
  ApiResponse<CampaignView> get(Tenant tenant, @PathVariable String id) {
    return ApiResponse.ok(
        "Campaign fetched successfully", views.of(service.require(tenant.organizationId(), id)));
  }

  @Operation(summary = "Update a campaign (partial; status moves it through its lifecycle)")
  @PatchMapping("/{id}")
  ApiResponse<CampaignView> update(
      Tenant tenant,
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody CampaignUpdateRequest request) {
    UUID campaignId = service.require(tenant.organizationId(), id).id();
    CampaignPatch patch = request.parse(campaignId, tenant.defaultRegion());
    return ApiResponse.ok(
        UPDATED, views.of(updater.update(tenant.organizationId(), id, patch, ifMatch)));
  }

  @Operation(summary = "Start a draft campaign")
  @PostMapping("/{id}/start")
  ApiResponse<CampaignView> start(Tenant tenant, @PathVariable String id) {
    return move(tenant, id, CampaignStatus.ACTIVE, "Campaign started successfully");
  }

  @Operation(summary = "Pause an active campaign")
  @PostMapping("/{id}/pause")
  ApiResponse<CampaignView> pause(Tenant tenant, @PathVariable String id) {
    return move(tenant, id, CampaignStatus.PAUSED, "Campaign paused successfully");
  }

  @Operation(summary = "Resume a paused campaign")
  @PostMapping("/{id}/resume")
  ApiResponse<CampaignView> resume(Tenant tenant, @PathVariable String id) {
    return move(tenant, id, CampaignStatus.ACTIVE, "Campaign resumed successfully");
  }

  @Operation(summary = "Complete a campaign (its pending contacts are never dialed)")
  @PostMapping("/{id}/complete")
  ApiResponse<CampaignView> complete(Tenant tenant, @PathVariable String id) {
    return move(tenant, id, CampaignStatus.COMPLETED, "Campaign completed successfully");
  }

  @Operation(summary = "Delete a campaign that is not active")
  @DeleteMapping("/{id}")
  ApiResponse<Deleted> delete(Tenant tenant, @PathVariable String id) {
    Campaign deleted = service.delete(tenant.organizationId(), id);
    return ApiResponse.ok(
        "Campaign deleted successfully", new Deleted(deleted.id().toString(), true));
  }

  /** The answer of a delete. */
  record Deleted(String id, boolean deleted) {}

  private ApiResponse<CampaignView> move(
      Tenant tenant, String id, CampaignStatus target, String message) {
    Campaign moved =
        updater.update(tenant.organizationId(), id, CampaignPatch.status(target), null);
    return ApiResponse.ok(message, views.of(moved));
  }

  private static CampaignStatus statusFilter(String status) {
    return CampaignStatus.parse(status)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "status", "must be one of " + String.join(", ", CampaignStatus.wireValues())));
  }
}
