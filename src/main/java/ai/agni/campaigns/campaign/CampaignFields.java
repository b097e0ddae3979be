package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.ApiError;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.JsonBody;
import ai.agni.campaigns.phonenumber.E164;
import ai.agni.campaigns.platform.Ids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Readers of the campaign fields shared by create, update and the contact endpoints. */
final class CampaignFields {

  static final int MAX_NAME = 500;

  private CampaignFields() {}

  static String name(JsonBody body) {
    String name = body.requiredString("name");
    if (name.length() > MAX_NAME) {
      throw body.invalid("name", "must be at most " + MAX_NAME + " characters");
    }
    return name;
  }

  /** A required id field; malformed ids cannot name anything of the organization. */
  static UUID id(JsonBody body, String field, String what) {
    UUID id = Ids.parseOrNull(body.requiredString(field));
    if (id == null) {
      throw body.invalid(field, "is not " + what + " of this organization");
    }
    return id;
  }

  static String phone(JsonBody body, String defaultRegion) {
    String raw = body.requiredString("fromPhoneNumber");
    return E164.normalize(raw, defaultRegion)
        .orElseThrow(() -> body.invalid("fromPhoneNumber", "is not a valid phone number"));
  }

  static Integer maxConcurrent(JsonBody body) {
    return body.integer("outboundMaxConcurrent", 1, 10_000);
  }

  static Double maxCps(JsonBody body) {
    Double cps = body.number("outboundMaxCps");
    if (cps != null && (cps < 0.1 || cps > 1000)) {
      throw body.invalid("outboundMaxCps", "must be between 0.1 and 1000");
    }
    return cps;
  }

  /** {@code contactIds}: required array of strings, duplicates collapsed, order kept. */
  static ContactIds contactIds(JsonBody body) {
    if (!body.has("contactIds") || body.isNull("contactIds")) {
      throw body.invalid("contactIds", "is required (an array of contact ids, may be empty)");
    }
    Set<UUID> valid = new LinkedHashSet<>();
    List<String> malformed = new ArrayList<>();
    for (String text : body.stringList("contactIds")) {
      UUID id = Ids.parseOrNull(text.trim());
      if (id == null) {
        malformed.add(text);
      } else {
        valid.add(id);
      }
    }
    return new ContactIds(body.field("contactIds"), List.copyOf(valid), List.copyOf(malformed));
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
