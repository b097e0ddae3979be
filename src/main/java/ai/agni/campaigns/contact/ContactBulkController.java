package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.platform.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Bulk create-or-update from JSON, and bulk delete. */
@Tag(name = "Contacts")
@RestController
@RequestMapping("/api/v1/contacts")
class ContactBulkController {

  static final int MAX_IDS = 10_000;

  private final BulkContactUpsert upsert;
  private final ContactService service;

  ContactBulkController(BulkContactUpsert upsert, ContactService service) {
    this.upsert = upsert;
    this.service = service;
  }

  @Operation(summary = "Create or update up to 10,000 contacts")
  @PostMapping("/bulk")
  ApiResponse<BulkContactUpsert.Result> bulk(
      Tenant tenant, @RequestBody BulkContactsRequest request) {
    SentFields sent = request.sent();
    DuplicatePolicy policy =
        DuplicatePolicy.parse(
            sent.field("onDuplicate"), request.onDuplicate(), DuplicatePolicy.SKIP);
    List<JsonNode> contacts = request.contacts();
    if (contacts == null) {
      throw sent.invalid("contacts", "an array of contacts is required");
    }
    if (contacts.size() > BulkContactUpsert.MAX_CONTACTS) {
      throw sent.invalid(
          "contacts", "at most " + BulkContactUpsert.MAX_CONTACTS + " contacts per request");
    }
    return ApiResponse.ok("Contacts saved successfully", upsert.run(tenant, contacts, policy));
  }

  @Operation(summary = "Delete contacts that are not in a call")
  @PostMapping("/bulk-delete")
  ApiResponse<ContactService.BulkDeletion> bulkDelete(
      Tenant tenant, @RequestBody ContactIdsRequest request) {
    SentFields body = request.sent();
    List<String> ids = request.ids();
    if (ids == null) {
      throw body.invalid("ids", "an array of contact ids is required");
    }
    if (ids.size() > MAX_IDS) {
      throw body.invalid("ids", "at most " + MAX_IDS + " ids per request");
    }
    Set<UUID> parsed = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      UUID id = Ids.parseOrNull(ids.get(i));
      if (id == null) {
        throw body.invalid("ids[" + i + "]", "is not a contact id");
      }
      parsed.add(id);
    }
    return ApiResponse.ok(
        "Contacts deleted successfully", service.deleteAll(tenant.organizationId(), parsed));
  }
}
