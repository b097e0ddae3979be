package ai.agni.campaigns.contact;

import ai.agni.campaigns.platform.Times;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A contact as the API shows it (snake_case; unset values are null). */
record ContactView(
    UUID id,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    String email,
    String phone,
    String company,
    String timezone,
    JsonNode metadata,
    List<String> tags,
    String notes,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {

  static ContactView of(Contact contact) {
    return new ContactView(
        contact.id(),
        contact.firstName(),
        contact.lastName(),
        contact.email(),
        contact.phone(),
        contact.company(),
        contact.timezone(),
        contact.metadata(),
        contact.tags(),
        contact.notes(),
        Times.iso(contact.createdAt()),
        Times.iso(contact.updatedAt()));
  }

  static List<ContactView> of(List<Contact> contacts) {
    return contacts.stream().map(ContactView::of).toList();
  }
}
