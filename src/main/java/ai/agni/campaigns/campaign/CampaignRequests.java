package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.ApiError;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.phonenumber.E164;
import ai.agni.campaigns.platform.Ids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Checks of the campaign fields shared by create, update and the contact endpoints. */
final class CampaignRequests {

  static final int MAX_NAME = 500;
  static final String CPS_RANGE = "must be between 0.1 and 1000";

  private CampaignRequests() {}

  /** A required text field, trimmed; blank is "is required". */
  static String required(SentFields sent, String field, String value) {
    if (value == null || value.isBlank()) {
      throw sent.invalid(field, "is required");
    }
    return value.trim();
  }

  /** A required id; a malformed one cannot name anything of the organization. */
  static UUID id(SentFields sent, String field, String value, String what) {
    UUID id = Ids.parseOrNull(required(sent, field, value));
    if (id == null) {
      throw sent.invalid(field, "is not " + what + " of this organization");
    }
    return id;
  }

  static String phone(SentFields sent, String value, String defaultRegion) {
    return E164.normalize(required(sent, "fromPhoneNumber", value), defaultRegion)
        .orElseThrow(() -> sent.invalid("fromPhoneNumber", "is not a valid phone number"));
  }

  /** {@code contactIds}: duplicates collapsed, order kept; null is "is required". */
  static ContactIds contactIds(SentFields sent, List<String> sentIds) {
    if (sentIds == null) {
      throw sent.invalid("contactIds", "is required (an array of contact ids, may be empty)");
    }
    Set<UUID> valid = new LinkedHashSet<>();
    List<String> malformed = new ArrayList<>();
    for (String text : sentIds) {
      UUID id = Ids.parseOrNull(text.trim());
      if (id == null) {
        malformed.add(text);
      } else {
        valid.add(id);
      }
    }
    return new ContactIds(sent.field("contactIds"), List.copyOf(valid), List.copyOf(malformed));
  }

  /** The parsed ids, with the field as sent and the texts that are not ids at all. */
  record ContactIds(String field, List<UUID> ids, List<String> malformed) {

    /** 400 listing every id that is not a contact of the organization, if any. */
    void requireKnown(Collection<UUID> unknown) {
      List<String> bad = new ArrayList<>(malformed);
      unknown.forEach(id -> bad.add(id.toString()));
      if (bad.isEmpty()) {
        return;
      }
      List<ApiError.FieldError> errors =
          bad.stream().map(id -> new ApiError.FieldError(field, "unknown contact: " + id)).toList();
      // why: a few examples keep the message short; errors lists them (up to ApiError.MAX_ERRORS).
      String shown = String.join(", ", bad.subList(0, Math.min(bad.size(), 3)));
      throw new InvalidRequestException(
          field
              + ": "
              + bad.size()
              + " unknown contact id(s): "
              + shown
              + (bad.size() > 3 ? ", …" : ""),
          errors);
    }
  }
}
