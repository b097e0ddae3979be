package ai.agni.campaigns.organization;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.PageQuery;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.platform.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Create, list (prefix only) and revoke the caller's organization's API keys. */
@Tag(name = "Organizations and keys")
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

  private final OrganizationService service;
  private final ApiKeyRepository keys;
  private final Clock clock;

  ApiKeyController(OrganizationService service, ApiKeyRepository keys, Clock clock) {
    this.service = service;
    this.keys = keys;
    this.clock = clock;
  }

  @Operation(summary = "Create an API key (shown once)")
  @PostMapping
  ApiResponse<KeyView> create(Tenant tenant, @RequestBody(required = false) ApiKeyRequest request) {
    String name = request == null ? null : request.name();
    IssuedKey issued = service.issueKey(tenant.organizationId(), name);
    return ApiResponse.ok(
        "API key created successfully", KeyView.of(issued.stored(), issued.plainKey()));
  }

  @Operation(summary = "List API keys (prefix only)")
  @GetMapping
  ApiResponse<List<KeyView>> list(Tenant tenant, @ParameterObject @Valid PageQuery paging) {
    PageParams page = paging.page();
    List<KeyView> views =
        keys.list(tenant.organizationId(), page.limit(), page.offset()).stream()
            .map(key -> KeyView.of(key, null))
            .toList();
    return ApiResponse.list(
        "API keys fetched successfully", views, keys.count(tenant.organizationId()), page);
  }

  @Operation(summary = "Revoke an API key")
  @DeleteMapping("/{id}")
  ApiResponse<KeyView> revoke(Tenant tenant, @PathVariable String id) {
    UUID keyId = Ids.parseOrNull(id);
    ApiKey key = keyId == null ? null : keys.find(tenant.organizationId(), keyId).orElse(null);
    if (key == null) {
      throw new NotFoundException("API key", id);
    }
    keys.revoke(tenant.organizationId(), keyId, clock.instant());
    return ApiResponse.ok(
        "API key revoked successfully",
        KeyView.of(keys.find(tenant.organizationId(), keyId).orElseThrow(), null));
  }

  /** A key as listed: the plain key appears only in the answer that created it. */
  record KeyView(
      UUID id,
      String name,
      String prefix,
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("api_key") String apiKey,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("revoked_at") String revokedAt) {

    static KeyView of(ApiKey key, String plain) {
      return new KeyView(
          key.id(),
          key.name(),
          key.prefix(),
          plain,
          Times.iso(key.createdAt()),
          Times.iso(key.revokedAt()));
    }
  }
}
