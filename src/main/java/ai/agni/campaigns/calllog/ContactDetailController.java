package ai.agni.campaigns.calllog;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.platform.Ids;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /contacts/{id}/detail}: the contact and its last 20 call sessions, newest first. */
@RestController
class ContactDetailController {

  static final int RECENT_CALLS = 20;

  private final ContactDetailRepository contacts;
  private final CallLogRepository calls;

  ContactDetailController(ContactDetailRepository contacts, CallLogRepository calls) {
    this.contacts = contacts;
    this.calls = calls;
  }

  @GetMapping("/api/v1/contacts/{id}/detail")
  ApiResponse<ContactDetailView> detail(Tenant tenant, @PathVariable String id) {
    UUID contactId = Ids.parseOrNull(id);
    ContactDetailView contact =
        contactId == null ? null : contacts.find(tenant.organizationId(), contactId).orElse(null);
    if (contact == null) {
      throw new NotFoundException("Contact", id);
    }
    return ApiResponse.ok(
        "Contact fetched successfully",
        contact.withRecentCalls(
            calls.recentForContact(tenant.organizationId(), contactId, RECENT_CALLS)));
  }
}
