package ai.agni.campaigns.organization;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.RequestBinder;
import ai.agni.campaigns.api.UnauthorizedException;
import ai.agni.campaigns.platform.AgniProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints guarded by {@code X-Admin-Token}; off when no token is configured. */
@Tag(name = "Organizations and keys")
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

  private final OrganizationService service;
  private final AgniProperties properties;
  private final RequestBinder binder;

  AdminController(OrganizationService service, AgniProperties properties, RequestBinder binder) {
    this.service = service;
    this.properties = properties;
    this.binder = binder;
  }

  /**
   * why the body is bound here, not by the converter: the admin token is checked first, so a caller
   * without it learns nothing from the body's validation.
   */
  @Operation(summary = "Create an organization and its first key (X-Admin-Token)")
  @PostMapping("/organizations")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = CreateOrganizationRequest.class)))
  ApiResponse<Created> createOrganization(
      @RequestHeader(name = "X-Admin-Token", required = false) String token,
      @RequestBody(required = false) byte[] body) {
    checkToken(token);
    CreateOrganizationRequest request =
        binder.bind(binder.readTree(body), CreateOrganizationRequest.class);
    OrganizationService.CreatedOrganization created =
        service.create(
            request.name().trim(), request.region(), request.maxConcurrent(), request.maxCps());
    return ApiResponse.ok(
        "Organization created successfully",
        new Created(
            OrganizationView.of(created.organization(), OrganizationRules.NONE), created.apiKey()));
  }

  /** The new organization and its first key, shown once. */
  @Schema(name = "OrganizationCreated")
  record Created(OrganizationView organization, @JsonProperty("api_key") String apiKey) {}

  private void checkToken(String token) {
    String expected = properties.adminToken();
    if (expected.isEmpty()) {
      throw new NotFoundException("Endpoint", "admin endpoints are off (set AGNI_ADMIN_TOKEN)");
    }
    if (token == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw new UnauthorizedException("Missing or wrong X-Admin-Token");
    }
  }
}
