package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.Tenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  @PostMapping
  ApiResponse<?> create(
      Tenant tenant,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody CreateCampaignRequest request) {
    return creation.create(tenant, request, idempotencyKey);
  }

  @GetMapping
  ApiResponse<List<CampaignView>> list(
      Tenant tenant,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String search,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset) {
    PageParams page = PageParams.of(limit, offset);
    CampaignStatus filter = status == null || status.isBlank() ? null : statusFilter(status);
    UUID org = tenant.organizationId();
    return ApiResponse.list(
        "Campaigns fetched successfully",
        views.of(org, service.list(org, filter, search, page)),
        service.count(org, filter, search),
        page);
  }

  @GetMapping("/{id}")
  ApiResponse<CampaignView> get(Tenant tenant, @PathVariable String id) {
    return ApiResponse.ok(
        "Campaign fetched successfully", views.of(service.require(tenant.organizationId(), id)));
  }

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

  @PostMapping("/{id}/start")
  ApiResponse<CampaignView> start(Tenant tenant, @PathVariable String id) {
    return move(tenant, id, CampaignStatus.ACTIVE, "Campaign started successfully");
  }

  @PostMapping("/{id}/pause")
  ApiResponse<CampaignView> pause(Tenant tenant, @PathVariable String id) {
    return move(tenant, id, CampaignStatus.PAUSED, "Campaign paused successfully");
  }

  @PostMapping("/{id}/resume")
  ApiResponse<CampaignView> resume(Tenant tenant, @PathVariable String id) {
    return move(tenant, id, CampaignStatus.ACTIVE, "Campaign resumed successfully");
  }

  @PostMapping("/{id}/complete")
  ApiResponse<CampaignView> complete(Tenant tenant, @PathVariable String id) {
    return move(tenant, id, CampaignStatus.COMPLETED, "Campaign completed successfully");
  }

  @DeleteMapping("/{id}")
  ApiResponse<Map<String, Object>> delete(Tenant tenant, @PathVariable String id) {
    Campaign deleted = service.delete(tenant.organizationId(), id);
    return ApiResponse.ok(
        "Campaign deleted successfully", Map.of("id", deleted.id().toString(), "deleted", true));
  }

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
