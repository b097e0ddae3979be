package ai.agni.campaigns.calllog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A contact as the contacts API shows it (snake_case), plus its latest call sessions. */
record ContactDetailView(
    UUID id,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    String email,
    String phone,
    String company,
    String timezone,
    JsonNode metadata,
    JsonNode tags,
    String notes,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt,
    @JsonProperty("recentCalls") List<CallSessionView> recentCalls) {

  ContactDetailView withRecentCalls(List<CallSessionView> calls) {
    return new ContactDetailView(
        id, firstName, lastName, email, phone, company, timezone, metadata, tags, notes, createdAt,
        updatedAt, calls);
  }
}
