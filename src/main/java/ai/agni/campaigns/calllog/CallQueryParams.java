package ai.agni.campaigns.calllog;

import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.phonenumber.E164;
import ai.agni.campaigns.platform.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the query parameters of the call-session endpoints; every bad value is a 400 naming the
 * parameter as the contract spells it. The casing filter has already made both casings readable.
 */
final class CallQueryParams {

  static final Set<String> STATUSES =
      Set.of(
          "completed",
          "no_answer",
          "busy",
          "voicemail",
          "failed",
          "queued",
          "ringing",
          "in_progress");

  private final Map<String, String> params;
  private final String region;

  CallQueryParams(Map<String, String> params, String region) {
    this.params = params;
    this.region = region;
  }

  CallSessionFilter filter() {
    return new CallSessionFilter(
        uuid("campaign_id"),
        uuid("agent_id"),
        uuid("contact_id"),
        statuses(),
        phone("caller_number"),
        phone("callee_number"),
        instant("started_after"),
        instant("started_before"),
        ascending());
  }

  SessionPage page() {
    int page = integer("page", 1);
    int size = integer("page_size", SessionPage.DEFAULT_SIZE);
    if (page < 1) {
      throw new InvalidRequestException("page", "must be 1 or more");
    }
    if (size < 1 || size > SessionPage.MAX_SIZE) {
      throw new InvalidRequestException(
          "page_size", "must be between 1 and " + SessionPage.MAX_SIZE);
    }
    return new SessionPage(page, size);
  }

  /** A required phone number in E.164. */
  String requiredPhone(String name) {
    String phone = phone(name);
    if (phone == null) {
      throw new InvalidRequestException(name, "is required");
    }
    return phone;
  }

  private String value(String name) {
    String value = params.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private UUID uuid(String name) {
    String value = value(name);
    UUID id = Ids.parseOrNull(value);
    if (value != null && id == null) {
      throw new InvalidRequestException(name, "must be a UUID");
    }
    return id;
  }

  private String phone(String name) {
    String raw = params.get(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    // why: an unencoded "+" in a query string arrives as a space; put it back.
    String input = raw.startsWith(" ") ? "+" + raw.trim() : raw.trim();
    return E164.normalize(input, region)
        .orElseThrow(() -> new InvalidRequestException(name, "is not a valid phone number"));
  }

  private List<String> statuses() {
    String value = value("status");
    List<String> statuses = new ArrayList<>();
    if (value == null) {
      return statuses;
    }
    for (String part : value.split(",")) {
      String status = part.trim().toLowerCase(Locale.ROOT);
      if (!STATUSES.contains(status)) {
        throw new InvalidRequestException("status", "must be one of " + STATUSES);
      }
      statuses.add(status);
    }
    return statuses;
  }

  private boolean ascending() {
    String value = value("sort_order");
    if (value == null || value.equalsIgnoreCase("desc")) {
      return false;
    }
    if (value.equalsIgnoreCase("asc")) {
      return true;
    }
    throw new InvalidRequestException("sort_order", "must be asc or desc");
  }

  private int integer(String name, int fallback) {
    String value = value(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, "must be an integer");
    }
  }

  /**
   * An ISO-8601 instant, date-time with offset, UTC local date-time, or date (its UTC midnight).
   */
  private Instant instant(String name) {
    String sent = value(name);
    if (sent == null) {
      return null;
    }
    // why: an unencoded "+" of an offset arrives as a space; put it back.
    String value = sent.replace(' ', '+');
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (value.endsWith("Z") || value.endsWith("z")) {
        return Instant.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(value).toInstant();
      }
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(name, "must be an ISO-8601 date-time or date");
    }
  }
}
