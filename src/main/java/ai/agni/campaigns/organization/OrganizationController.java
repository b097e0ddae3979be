package ai.agni.campaigns.organization;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/organization}: the caller's own organization, found by its key (there is no id in
 * the path, so no other organization can be named). snake_case (docs/api.md §12.2).
 */
@Tag(name = "Organizations and keys")
@RestController
@RequestMapping("/api/v1/organization")
class OrganizationController {

  private final OrganizationService service;

  OrganizationController(OrganizationService service) {
    this.service = service;
  }

  @Operation(summary = "Get the caller's organization with its calling hours and frequency caps")
  @GetMapping
  ApiResponse<OrganizationView> get(Tenant tenant) {
    return ApiResponse.ok(
        "Organization fetched successfully", view(service.settings(tenant.organizationId())));
  }

  @Operation(
      summary =
          "Update the caller's organization (partial): name, default_region, calling_hours,"
              + " frequency_caps")
  @PatchMapping
  ApiResponse<OrganizationView> update(
      Tenant tenant, @RequestBody OrganizationUpdateRequest request) {
    return ApiResponse.ok(
        "Organization updated successfully",
        view(service.update(tenant.organizationId(), request)));
  }

  private static OrganizationView view(OrganizationService.Settings settings) {
    return OrganizationView.of(settings.organization(), settings.rules());
  }
}
