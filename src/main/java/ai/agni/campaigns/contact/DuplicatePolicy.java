package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.InvalidRequestException;
import java.util.Locale;

/** What a bulk write does with a contact whose phone the organization already has. */
public enum DuplicatePolicy {
  /** Leave the stored contact as it is and count the row as skipped. */
  SKIP,
  /** Overwrite the stored contact with the fields the row gives. */
  UPDATE;

  /** Parses {@code skip} or {@code update} (any case); null or blank gives {@code otherwise}. */
  public static DuplicatePolicy parse(String field, String value, DuplicatePolicy otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "skip" -> SKIP;
      case "update" -> UPDATE;
      default -> throw new InvalidRequestException(field, "must be one of skip, update");
    };
  }
}
