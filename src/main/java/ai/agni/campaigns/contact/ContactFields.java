package ai.agni.campaigns.contact;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validated contact input: the fields a request or CSV row gave ({@code sent}) and their values.
 * Built by {@link ContactInput}. {@code mergeMetadata} means the metadata keys add to the stored
 * ones (CSV columns) instead of replacing the whole object (JSON).
 */
public record ContactFields(
    Set<ContactField> sent,
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String timezone,
    ObjectNode metadata,
    boolean mergeMetadata,
    List<String> tags,
    String notes) {

  public boolean has(ContactField field) {
    return sent.contains(field);
  }

  /** A new contact; fields not sent are null (metadata {@code {}}, tags {@code []}). */
  public Contact create(UUID id, UUID organizationId, Instant now) {
    return new Contact(
        id,
        organizationId,
        firstName,
        lastName,
        email,
        phone,
        company,
        timezone,
        metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy(),
        tags == null ? List.of() : tags,
        notes,
        now,
        now);
  }

  /** The stored contact with the sent fields changed. */
  public Contact applyTo(Contact old, Instant now) {
    return new Contact(
        old.id(),
        old.organizationId(),
        has(ContactField.FIRST_NAME) ? firstName : old.firstName(),
        has(ContactField.LAST_NAME) ? lastName : old.lastName(),
        has(ContactField.EMAIL) ? email : old.email(),
        has(ContactField.PHONE) ? phone : old.phone(),
        has(ContactField.COMPANY) ? company : old.company(),
        has(ContactField.TIMEZONE) ? timezone : old.timezone(),
        has(ContactField.METADATA) ? metadataOver(old.metadata()) : old.metadata(),
        has(ContactField.TAGS) ? tags : old.tags(),
        has(ContactField.NOTES) ? notes : old.notes(),
        old.createdAt(),
        now);
  }

  /** This input followed by a later one for the same phone: the later one's fields win. */
  public ContactFields then(ContactFields later) {
    Set<ContactField> union = java.util.EnumSet.noneOf(ContactField.class);
    union.addAll(sent);
    union.addAll(later.sent);
    boolean laterMeta = later.has(ContactField.METADATA);
    return new ContactFields(
        union,
        later.has(ContactField.FIRST_NAME) ? later.firstName : firstName,
        later.has(ContactField.LAST_NAME) ? later.lastName : lastName,
        later.has(ContactField.EMAIL) ? later.email : email,
        phone,
        later.has(ContactField.COMPANY) ? later.company : company,
        later.has(ContactField.TIMEZONE) ? later.timezone : timezone,
        laterMeta ? later.metadataOver(metadata) : metadata,
        laterMeta ? later.mergeMetadata && mergeMetadataOr(true) : mergeMetadata,
        later.has(ContactField.TAGS) ? later.tags : tags,
        later.has(ContactField.NOTES) ? later.notes : notes);
  }

  private boolean mergeMetadataOr(boolean whenAbsent) {
    return has(ContactField.METADATA) ? mergeMetadata : whenAbsent;
  }

  private ObjectNode metadataOver(ObjectNode base) {
    if (!mergeMetadata || base == null) {
      return metadata.deepCopy();
    }
    ObjectNode merged = base.deepCopy();
    merged.setAll(metadata);
    return merged;
  }
}
