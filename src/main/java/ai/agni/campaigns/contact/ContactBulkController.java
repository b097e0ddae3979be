package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.JsonBody;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.platform.Ids;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Bulk create-or-update from JSON, and bulk delete. */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactBulkController {

  static final int MAX_IDS = 10_000;
  private static final String CONTACTS = "contacts";

  private final BulkContactUpsert upsert;
  private final ContactService service;

  ContactBulkController(BulkContactUpsert upsert, ContactService service) {
    this.upsert = upsert;
    this.service = service;
  }

  @PostMapping("/bulk")
  ApiResponse<BulkContactUpsert.Result> bulk(
      Tenant tenant, @RequestBody(required = false) JsonNode json) {
    JsonNode contacts = json instanceof ObjectNode object ? object.get(CONTACTS) : null;
    JsonBody body = JsonBody.of(withoutContacts(json));
    DuplicatePolicy policy =
        DuplicatePolicy.parse(
            body.field("onDuplicate"), body.string("onDuplicate"), DuplicatePolicy.SKIP);
    if (contacts == null || !contacts.isArray()) {
      throw body.invalid("contacts", "an array of contacts is required");
    }
    if (contacts.size() > BulkContactUpsert.MAX_CONTACTS) {
      throw body.invalid(
          "contacts", "at most " + BulkContactUpsert.MAX_CONTACTS + " contacts per request");
    }
    return ApiResponse.ok("Contacts saved successfully", upsert.run(tenant, contacts, policy));
  }

  /**
   * The body without its contacts, for {@link JsonBody#of}. why: that check refuses a whole body
   * holding text that breaks the text rule; each contact is checked on its own instead ({@link
   * BulkContactUpsert}), so that one bad item is reported and the others are kept.
   */
  private static JsonNode withoutContacts(JsonNode json) {
    if (!(json instanceof ObjectNode object) || !object.has(CONTACTS)) {
      return json;
    }
    ObjectNode rest = object.objectNode();
    object.properties().forEach(field -> rest.set(field.getKey(), field.getValue()));
    rest.remove(CONTACTS);
    return rest;
  }

  @PostMapping("/bulk-delete")
  ApiResponse<ContactService.BulkDeletion> bulkDelete(
      Tenant tenant, @RequestBody(required = false) JsonNode json) {
    JsonBody body = JsonBody.of(json);
    List<String> ids = body.stringList("ids");
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
        throw new InvalidRequestException(body.field("ids") + "[" + i + "]", "is not a contact id");
      }
      parsed.add(id);
    }
    return ApiResponse.ok(
        "Contacts deleted successfully", service.deleteAll(tenant.organizationId(), parsed));
  }
}
