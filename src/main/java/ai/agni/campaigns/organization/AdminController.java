package ai.agni.campaigns.organization;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.JsonBody;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.UnauthorizedException;
import ai.agni.campaigns.phonenumber.E164;
import ai.agni.campaigns.platform.AgniProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Operator endpoints guarded by {@code X-Admin-Token}; off when no token is configured. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

  private final OrganizationService service;
  private final AgniProperties properties;

  AdminController(OrganizationService service, AgniProperties properties) {
    this.service = service;
    this.properties = properties;
  }

  @PostMapping("/organizations")
  ApiResponse<Map<String, Object>> createOrganization(
      @RequestHeader(name = "X-Admin-Token", required = false) String token,
      @RequestBody JsonNode json) {
    checkToken(token);
    JsonBody body = JsonBody.of(json);
    String name = body.requiredString("name");
    String region = body.string("defaultRegion");
    region = region == null ? "US" : region.trim().toUpperCase(java.util.Locale.ROOT);
    if (!E164.isKnownRegion(region)) {
      throw new InvalidRequestException(
          body.field("defaultRegion"), "must be an ISO 3166 region code like US");
    }
    Integer maxConcurrent = body.integer("outboundMaxConcurrent", 1, 100_000);
    Double maxCps = body.number("outboundMaxCps");
    if (maxCps != null && (maxCps < 0.1 || maxCps > 10_000)) {
      throw body.invalid("outboundMaxCps", "must be between 0.1 and 10000");
    }
    OrganizationService.CreatedOrganization created =
        service.create(
            name,
            region,
            maxConcurrent == null ? Organization.DEFAULT_MAX_CONCURRENT : maxConcurrent,
            maxCps == null ? Organization.DEFAULT_MAX_CPS : maxCps);
    return ApiResponse.ok(
        "Organization created successfully",
        Map.of(
            "organization", OrganizationView.of(created.organization()),
            "api_key", created.apiKey()));
  }

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
