package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.PageQuery;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.platform.AgniProperties;
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

/** {@code /api/v1/phone-numbers}: snake_case out, both casings in. Lists are oldest first. */
@Tag(name = "Phone numbers")
@RestController
@RequestMapping("/api/v1/phone-numbers")
class PhoneNumberController {

  private final PhoneNumberService service;
  private final PhoneNumberRepository numbers;
  private final AgniProperties properties;

  PhoneNumberController(
      PhoneNumberService service, PhoneNumberRepository numbers, AgniProperties properties) {
    this.service = service;
    this.numbers = numbers;
    this.properties = properties;
  }

  @Operation(summary = "Import a phone number the organization owns")
  @PostMapping
  ApiResponse<PhoneNumberView> importNumber(
      Tenant tenant, @RequestBody PhoneNumberRequest request) {
    PhoneNumberImport input = request.parse(tenant.defaultRegion(), properties.telephony());
    PhoneNumber number = service.importNumber(tenant.organizationId(), input);
    return ApiResponse.ok("Phone number imported successfully", PhoneNumberView.of(number));
  }

  @Operation(summary = "List phone numbers")
  @GetMapping
  ApiResponse<List<PhoneNumberView>> list(Tenant tenant, @ParameterObject @Valid PageQuery paging) {
    PageParams page = paging.page();
    List<PhoneNumberView> items =
        numbers.list(tenant.organizationId(), page.limit(), page.offset()).stream()
            .map(PhoneNumberView::of)
            .toList();
    return ApiResponse.list(
        "Phone numbers fetched successfully", items, numbers.count(tenant.organizationId()), page);
  }

  @Operation(summary = "Get a phone number")
  @GetMapping("/{id}")
  ApiResponse<PhoneNumberView> get(Tenant tenant, @PathVariable String id) {
    return ApiResponse.ok(
        "Phone number fetched successfully",
        PhoneNumberView.of(service.get(tenant.organizationId(), id)));
  }

  /** The path carries the E.164 number ({@code +} raw or as {@code %2B}) or the number's id. */
  @Operation(summary = "Release a phone number (its active campaigns pause)")
  @DeleteMapping("/{phoneNumber}/release")
  ApiResponse<PhoneNumberView> release(Tenant tenant, @PathVariable String phoneNumber) {
    return ApiResponse.ok(
        "Phone number released successfully",
        PhoneNumberView.of(service.release(tenant, phoneNumber)));
  }
}
