package ai.agni.campaigns.dnc;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.PageQuery;
import ai.agni.campaigns.api.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/dnc}: the do-not-call list (snake_case out). */
@Tag(name = "Do-not-call list")
@RestController
@RequestMapping("/api/v1/dnc")
class DncController {

  private final DncService service;
  private final DncRepository dnc;

  DncController(DncService service, DncRepository dnc) {
    this.service = service;
    this.dnc = dnc;
  }

  @Operation(summary = "Add numbers to the do-not-call list")
  @PostMapping
  ApiResponse<DncService.Added> add(Tenant tenant, @RequestBody DncRequest request) {
    return ApiResponse.ok(
        "Numbers added to the do-not-call list",
        service.add(tenant.organizationId(), request.e164(tenant.defaultRegion())));
  }

  @Operation(summary = "List the do-not-call list")
  @GetMapping
  ApiResponse<List<DncEntry>> list(Tenant tenant, @ParameterObject @Valid PageQuery paging) {
    PageParams page = paging.page();
    return ApiResponse.list(
        "Do-not-call list fetched successfully",
        dnc.list(tenant.organizationId(), page.limit(), page.offset()),
        dnc.count(tenant.organizationId()),
        page);
  }

  /** The path carries the number, {@code +} raw or as {@code %2B}. */
  @Operation(summary = "Remove a number from the do-not-call list")
  @DeleteMapping("/{phone}")
  ApiResponse<DncEntry> remove(Tenant tenant, @PathVariable String phone) {
    return ApiResponse.ok(
        "Number removed from the do-not-call list", service.remove(tenant, phone));
  }
}
