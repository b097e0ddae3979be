package ai.agni.campaigns.webhook;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/webhooks}: the signing secret and the deliveries (docs/api.md §8). */
@Tag(name = "Webhooks")
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

  private final WebhookService service;

  WebhookController(WebhookService service) {
    this.service = service;
  }

  /** The answer of the secret endpoints. */
  record WebhookSecret(String secret) {}

  @Operation(summary = "Get the organization's webhook signing secret")
  @GetMapping("/secret")
  ApiResponse<WebhookSecret> secret(Tenant tenant) {
    return ApiResponse.ok(
        "Webhook secret fetched successfully",
        new WebhookSecret(service.secret(tenant.organizationId())));
  }

  @Operation(
      summary = "Rotate the webhook signing secret (the old one also signs for the next 24 hours)")
  @PostMapping("/secret/rotate")
  ApiResponse<WebhookSecret> rotate(Tenant tenant) {
    return ApiResponse.ok(
        "Webhook secret rotated successfully",
        new WebhookSecret(service.rotate(tenant.organizationId())));
  }

  @Operation(summary = "List webhook deliveries, newest first")
  @GetMapping("/deliveries")
  ApiResponse<List<DeliveryView>> deliveries(
      Tenant tenant, @ParameterObject @Valid DeliveryQuery query) {
    PageParams page = query.page();
    WebhookService.Page found = service.list(tenant.organizationId(), query.filter(), page);
    return ApiResponse.list(
        "Webhook deliveries fetched successfully", found.items(), found.total(), page);
  }

  @Operation(summary = "Retry a dead webhook delivery")
  @PostMapping("/deliveries/{id}/retry")
  ApiResponse<DeliveryView> retry(Tenant tenant, @PathVariable String id) {
    return ApiResponse.ok(
        "Webhook delivery queued for retry", service.retry(tenant.organizationId(), id));
  }
}
