package ai.agni.campaigns.contact;

import ai.agni.campaigns.phonenumber.E164;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The value rules of contact fields, shared by the JSON API and the CSV import. */
final class ContactRules {

  /** Column widths of the {@code contacts} table; longer values are a 400, not a database error. */
  static final int MAX_TEXT = 500;

  static final int MAX_NOTES = 100_000;
  static final int MAX_TAGS_JSON = 100_000;
  static final int MAX_METADATA_JSON = 1_000_000;

  // why: IANA ids are case-sensitive, but users type "asia/dubai"; answer with the canonical form.
  private static final Map<String, String> ZONES = new HashMap<>();

  static {
    for (String id : ZoneId.getAvailableZoneIds()) {
      ZONES.put(id.toLowerCase(Locale.ROOT), id);
    }
  }

  private ContactRules() {}

  static Optional<String> phone(String input, String defaultRegion) {
    return E164.normalize(input, defaultRegion);
  }

  /** The canonical IANA id, or empty when it is not one. */
  static Optional<String> timezone(String input) {
    return Optional.ofNullable(ZONES.get(input.trim().toLowerCase(Locale.ROOT)));
  }

  /** Loose on purpose: real lists hold odd but deliverable addresses. */
  static boolean looksLikeEmail(String input) {
    int at = input.indexOf('@');
    return at > 0 && at < input.length() - 1 && input.chars().noneMatch(Character::isWhitespace);
  }

  /** Trimmed text, null when blank. */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** {@code "Ada King Lovelace"} → {@code ["Ada", "King Lovelace"]}; no space → last is null. */
  static String[] splitName(String name) {
    int space = name.indexOf(' ');
    if (space < 0) {
      return new String[] {name, null};
    }
    return new String[] {name.substring(0, space), clean(name.substring(space + 1))};
  }
}
