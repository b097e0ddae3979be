package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.ApiError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects one contact's input field by field (from JSON or a CSV row), normalising each value and
 * recording every problem instead of stopping at the first, so that a client can fix a row in one
 * go. Each setter takes the field name to report, as the client spelled it.
 */
public final class ContactInput {

  private final String defaultRegion;
  private final List<ApiError.FieldError> problems = new ArrayList<>();
  private final Set<ContactField> sent = EnumSet.noneOf(ContactField.class);
  private String firstName;
  private String lastName;
  private String[] fromName;
  private String email;
  private String phone;
  private String company;
  private String timezone;
  private ObjectNode metadata;
  private boolean mergeMetadata;
  private List<String> tags;
  private String notes;

  public ContactInput(String defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  public ContactInput firstName(String field, String value) {
    firstName = text(field, value, ContactRules.MAX_TEXT);
    sent.add(ContactField.FIRST_NAME);
    return this;
  }

  public ContactInput lastName(String field, String value) {
    lastName = text(field, value, ContactRules.MAX_TEXT);
    sent.add(ContactField.LAST_NAME);
    return this;
  }

  /** A full name, split at the first space; an explicit first or last name wins over it. */
  public ContactInput name(String field, String value) {
    String name = text(field, value, 2 * ContactRules.MAX_TEXT);
    fromName = name == null ? new String[] {null, null} : ContactRules.splitName(name);
    if (tooLong(fromName[0]) || tooLong(fromName[1])) {
      problem(field, "each part must be at most " + ContactRules.MAX_TEXT + " characters");
    }
    return this;
  }

  public ContactInput email(String field, String value) {
    email = text(field, value, ContactRules.MAX_TEXT);
    if (email != null && !ContactRules.looksLikeEmail(email)) {
      problem(field, "is not an email address");
    }
    sent.add(ContactField.EMAIL);
    return this;
  }

  public ContactInput phone(String field, String value) {
    sent.add(ContactField.PHONE);
    String cleaned = ContactRules.clean(value);
    if (cleaned == null) {
      return problem(field, "is required");
    }
    phone = ContactRules.phone(cleaned, defaultRegion).orElse(null);
    if (phone == null) {
      problem(field, "is not a valid phone number");
    }
    return this;
  }

  public ContactInput company(String field, String value) {
    company = text(field, value, ContactRules.MAX_TEXT);
    sent.add(ContactField.COMPANY);
    return this;
  }

  public ContactInput timezone(String field, String value) {
    String cleaned = ContactRules.clean(value);
    timezone = cleaned == null ? null : ContactRules.timezone(cleaned).orElse(null);
    if (cleaned != null && timezone == null) {
      problem(field, "is not an IANA time zone id (like America/New_York)");
    }
    sent.add(ContactField.TIMEZONE);
    return this;
  }

  /** Replaces the whole metadata object; null clears it. */
  public ContactInput metadata(String field, ObjectNode value) {
    metadata = value == null ? JsonNodeFactory.instance.objectNode() : value;
    mergeMetadata = false;
    if (metadata.toString().length() > ContactRules.MAX_METADATA_JSON) {
      problem(field, "is larger than " + ContactRules.MAX_METADATA_JSON + " characters of JSON");
    }
    sent.add(ContactField.METADATA);
    return this;
  }

  /** Sets one metadata key, keeping the stored contact's other keys (CSV columns). */
  public ContactInput metadataEntry(String key, String value) {
    if (metadata == null) {
      metadata = JsonNodeFactory.instance.objectNode();
      mergeMetadata = true;
    }
    metadata.put(key, value);
    sent.add(ContactField.METADATA);
    return this;
  }

  /** Tags, trimmed, blanks dropped; null clears them. */
  public ContactInput tags(String field, List<String> value) {
    List<String> cleaned = new ArrayList<>();
    for (String tag : value == null ? List.<String>of() : value) {
      String one = ContactRules.clean(tag);
      if (one != null) {
        cleaned.add(one);
      }
    }
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    cleaned.forEach(json::add);
    if (json.toString().length() > ContactRules.MAX_TAGS_JSON) {
      problem(field, "are longer than " + ContactRules.MAX_TAGS_JSON + " characters of JSON");
    }
    tags = List.copyOf(cleaned);
    sent.add(ContactField.TAGS);
    return this;
  }

  public ContactInput notes(String field, String value) {
    notes = text(field, value, ContactRules.MAX_NOTES);
    sent.add(ContactField.NOTES);
    return this;
  }

  public ContactInput problem(String field, String message) {
    problems.add(new ApiError.FieldError(field, message));
    return this;
  }

  public boolean has(ContactField field) {
    return sent.contains(field);
  }

  public List<ApiError.FieldError> problems() {
    return problems;
  }

  /** The validated fields; only when there are no problems. */
  public ContactFields build() {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("input has problems: " + problems);
    }
    Set<ContactField> fields = EnumSet.noneOf(ContactField.class);
    fields.addAll(sent);
    String first = firstName;
    String last = lastName;
    if (fromName != null) {
      first = sent.contains(ContactField.FIRST_NAME) ? first : fromName[0];
      last = sent.contains(ContactField.LAST_NAME) ? last : fromName[1];
      fields.add(ContactField.FIRST_NAME);
      fields.add(ContactField.LAST_NAME);
    }
    return new ContactFields(
        fields, first, last, email, phone, company, timezone, metadata, mergeMetadata, tags, notes);
  }

  private static boolean tooLong(String part) {
    return part != null && part.length() > ContactRules.MAX_TEXT;
  }

  private String text(String field, String value, int max) {
    String cleaned = ContactRules.clean(value);
    if (cleaned != null && cleaned.length() > max) {
      problem(field, "must be at most " + max + " characters");
    }
    return cleaned;
  }
}
