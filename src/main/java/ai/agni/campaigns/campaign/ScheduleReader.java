package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.JsonBody;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@code schedule} object onto a base schedule (the defaults on create, the stored one on
 * update): only the sub-fields sent change, an explicit null resets a field to its default (or
 * clears start/end), and the merged result is validated as a whole.
 */
final class ScheduleReader {

  static final Set<String> FIELDS =
      Set.of(
          "start",
          "end",
          "windowStart",
          "windowEnd",
          "windowDays",
          "timezone",
          "maxConcurrent",
          "retryAttempts",
          "retryGapMin");

  private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  private ScheduleReader() {}

  /** The merged schedule; {@code body} null means nothing was sent. */
  static Schedule merge(Schedule base, JsonBody body) {
    if (body == null) {
      return base;
    }
    body.rejectUnknownFields(FIELDS);
    Schedule defaults = Schedule.defaults();
    String timezone = body.has("timezone") ? timezone(body, defaults.timezone()) : base.timezone();
    ZoneId zone = ZoneId.of(timezone);
    Schedule merged =
        new Schedule(
            body.has("start") ? instant(body, "start", zone) : base.start(),
            body.has("end") ? instant(body, "end", zone) : base.end(),
            body.has("windowStart") ? time(body, "windowStart", defaults) : base.windowStart(),
            body.has("windowEnd") ? time(body, "windowEnd", defaults) : base.windowEnd(),
            body.has("windowDays") ? days(body, defaults) : base.windowDays(),
            timezone,
            orDefault(
                body, "maxConcurrent", 1, 1000, base.maxConcurrent(), defaults.maxConcurrent()),
            orDefault(body, "retryAttempts", 0, 10, base.retryAttempts(), defaults.retryAttempts()),
            orDefault(body, "retryGapMin", 1, 10080, base.retryGapMin(), defaults.retryGapMin()));
    if (merged.windowStart().equals(merged.windowEnd())) {
      String field =
          body.has("windowEnd") || !body.has("windowStart") ? "windowEnd" : "windowStart";
      throw body.invalid(field, "windowStart and windowEnd must differ");
    }
    if (merged.start() != null && merged.end() != null && !merged.end().isAfter(merged.start())) {
      throw body.invalid(
          body.has("end") || !body.has("start") ? "end" : "start", "end must be after start");
    }
    return merged;
  }

  private static String timezone(JsonBody body, String fallback) {
    String value = body.string("timezone");
    if (value == null) {
      return fallback;
    }
    String trimmed = value.trim();
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (id.equalsIgnoreCase(trimmed)) {
        return id;
      }
    }
    throw body.invalid("timezone", "must be an IANA time zone id like Asia/Dubai");
  }

  private static String time(JsonBody body, String field, Schedule defaults) {
    String value = body.string(field);
    if (value == null) {
      return field.equals("windowStart") ? defaults.windowStart() : defaults.windowEnd();
    }
    if (!HH_MM.matcher(value).matches()) {
      throw body.invalid(field, "must be HH:mm");
    }
    return value;
  }

  private static List<Integer> days(JsonBody body, Schedule defaults) {
    List<Integer> days = body.intList("windowDays");
    if (days == null) {
      return defaults.windowDays();
    }
    if (days.isEmpty()) {
      throw body.invalid("windowDays", "must not be empty");
    }
    Set<Integer> seen = new HashSet<>();
    for (Integer day : days) {
      if (day < 0 || day > 6) {
        throw body.invalid("windowDays", "each day must be between 0 (Sunday) and 6 (Saturday)");
      }
      if (!seen.add(day)) {
        throw body.invalid("windowDays", "must not contain duplicates");
      }
    }
    return days;
  }

  private static int orDefault(
      JsonBody body, String field, int min, int max, int current, int fallback) {
    if (!body.has(field)) {
      return current;
    }
    Integer value = body.integer(field, min, max);
    return value == null ? fallback : value;
  }

  /** ISO-8601 with offset, or a local date-time / date read in the schedule's time zone. */
  private static Instant instant(JsonBody body, String field, ZoneId zone) {
    String value = body.string(field);
    if (value == null) {
      return null;
    }
    String text = value.trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      // fall through: a local form, read in the schedule's time zone
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException notLocal) {
      // fall through
    }
    try {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException notDate) {
      throw body.invalid(
          field, "must be an ISO-8601 date-time like 2026-03-20T10:30:00Z, or a local date");
    }
  }
}
