package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.PageQuery;
import ai.agni.campaigns.api.RequestBinder;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.calllog.CallLogRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Create, list, read, partially update and delete single contacts. */
@Tag(name = "Contacts")
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

  static final int RECENT_CALLS = 20;

  private final ContactService service;
  private final CallLogRepository calls;

  ContactController(ContactService service, CallLogRepository calls) {
    this.service = service;
    this.calls = calls;
  }

  @Operation(summary = "Create a contact")
  @PostMapping
  ApiResponse<ContactView> create(Tenant tenant, @RequestBody ContactRequest request) {
    ContactFields fields = validated(request, tenant, true);
    Contact contact = service.create(tenant.organizationId(), fields);
    return ApiResponse.ok("Contact created successfully", ContactView.of(contact));
  }

  @Operation(summary = "List or search contacts")
  @GetMapping
  ApiResponse<List<ContactView>> list(
      Tenant tenant,
      @RequestParam(required = false) String search,
      @ParameterObject @Valid PageQuery paging) {
    PageParams page = paging.page();
    ContactSearch filter = ContactSearch.of(search);
    List<Contact> contacts = service.list(tenant.organizationId(), filter, page);
    long total = service.count(tenant.organizationId(), filter);
    return ApiResponse.list("Contacts fetched successfully", ContactView.of(contacts), total, page);
  }

  @Operation(summary = "Get a contact")
  @GetMapping("/{id}")
  ApiResponse<ContactView> get(Tenant tenant, @PathVariable String id) {
    return ApiResponse.ok(
        "Contact fetched successfully", ContactView.of(service.get(tenant.organizationId(), id)));
  }

  /** The contact and its last 20 call sessions, newest first. */
  @Operation(summary = "Get a contact with its last 20 calls")
  @GetMapping("/{id}/detail")
  ApiResponse<ContactDetailView> detail(Tenant tenant, @PathVariable String id) {
    Contact contact = service.get(tenant.organizationId(), id);
    return ApiResponse.ok(
        "Contact fetched successfully",
        new ContactDetailView(
            ContactView.of(contact),
            calls.recentForContact(tenant.organizationId(), contact.id(), RECENT_CALLS)));
  }

  @Operation(summary = "Update a contact (partial)")
  @PatchMapping("/{id}")
  ApiResponse<ContactView> patch(
      Tenant tenant, @PathVariable String id, @RequestBody ContactRequest request) {
    // why first: another organization's id is a 404 before a problem found beyond the types
    service.get(tenant.organizationId(), id);
    ContactFields fields = validated(request, tenant, false);
    Contact contact = service.patch(tenant.organizationId(), id, fields);
    return ApiResponse.ok("Contact updated successfully", ContactView.of(contact));
  }

  @Operation(summary = "Delete a contact that is not in a call")
  @DeleteMapping("/{id}")
  ApiResponse<ContactView> delete(Tenant tenant, @PathVariable String id) {
    Contact deleted = service.delete(tenant.organizationId(), id);
    return ApiResponse.ok("Contact deleted successfully", ContactView.of(deleted));
  }

  private static ContactFields validated(ContactRequest request, Tenant tenant, boolean create) {
    ContactInput input = request.input(tenant.defaultRegion(), create, List.of());
    if (!input.problems().isEmpty()) {
      throw RequestBinder.invalid(input.problems());
    }
    return input.build();
  }
}
