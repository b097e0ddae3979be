package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.RejectUnknownFields;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.campaign.schedule.ClockTime;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A campaign's {@code schedule} as sent. It merges onto a base schedule (the defaults on create,
 * the stored one on update): only the sub-fields sent change, an explicit null resets a field to
 * its default (or clears start/end), and the merged result is checked as a whole. An unknown field
 * is a 400, because a mistyped limit must not be silently dropped.
 */
@RejectUnknownFields
@Schema(
    name = "Schedule",
    description =
        "When and how fast a campaign dials. On update only the sub-fields sent change; null"
            + " resets one to its default. Unknown fields are refused.")
record ScheduleRequest(
    @Schema(
            description =
                "No dial before it: ISO-8601 with offset, or a local date-time or date in"
                    + " timezone. Null: as soon as active.",
            example = "2026-03-20T09:00:00Z")
        String start,
    @Schema(
            description = "No dial after it; reaching it completes the campaign. Same forms.",
            example = "2026-03-31")
        String end,
    @Schema(description = "Local HH:mm (24 h); default 09:00.", example = "09:00")
        @Pattern(regexp = HH_MM, message = "must be HH:mm")
        String windowStart,
    @Schema(
            description =
                "Local HH:mm; default 18:00. Before windowStart: an overnight window belonging to"
                    + " the day it opens.",
            example = "18:00")
        @Pattern(regexp = HH_MM, message = "must be HH:mm")
        String windowEnd,
    @ArraySchema(
            arraySchema =
                @Schema(
                    description = "Weekdays, 0 = Sunday ... 6 = Saturday; default [1,2,3,4,5]."),
            schema = @Schema(minimum = "0", maximum = "6"),
            uniqueItems = true,
            minItems = 1)
        List<@Min(value = 0, message = DAYS) @Max(value = 6, message = DAYS) Integer> windowDays,
    @Schema(description = "IANA time zone id; default UTC.", example = "America/New_York")
        String timezone,
    @Schema(description = "Simultaneous live calls of this campaign; default 5.")
        @Min(value = 1, message = "must be between 1 and 1000")
        @Max(value = 1000, message = "must be between 1 and 1000")
        Integer maxConcurrent,
    @Schema(description = "Extra attempts after the first; default 2.")
        @Min(value = 0, message = "must be between 0 and 10")
        @Max(value = 10, message = "must be between 0 and 10")
        Integer retryAttempts,
    @Schema(description = "Minutes from the end of one attempt to the next; default 30.")
        @Min(value = 1, message = "must be between 1 and 10080")
        @Max(value = 10080, message = "must be between 1 and 10080")
        Integer retryGapMin) {

  static final String HH_MM = ClockTime.HH_MM;
  static final String DAYS = "each day must be between 0 (Sunday) and 6 (Saturday)";
  private static final String PREFIX = "schedule.";

  /**
   * The base schedule with the sub-fields sent (under {@code schedule} in {@code sent}) applied.
   */
  Schedule mergeOnto(Schedule base, SentFields sent) {
    Schedule defaults = Schedule.defaults();
    String zoneId =
        sent.has(PREFIX + "timezone") ? zone(sent, defaults.timezone()) : base.timezone();
    ZoneId zone = ZoneId.of(zoneId);
    Schedule merged =
        new Schedule(
            sent.has(PREFIX + "start") ? instant(sent, "start", start, zone) : base.start(),
            sent.has(PREFIX + "end") ? instant(sent, "end", end, zone) : base.end(),
            pick(sent, "windowStart", windowStart, base.windowStart(), defaults.windowStart()),
            pick(sent, "windowEnd", windowEnd, base.windowEnd(), defaults.windowEnd()),
            sent.has(PREFIX + "windowDays") ? days(sent, defaults) : base.windowDays(),
            zoneId,
            pick(
                sent,
                "maxConcurrent",
                maxConcurrent,
                base.maxConcurrent(),
                defaults.maxConcurrent()),
            pick(
                sent,
                "retryAttempts",
                retryAttempts,
                base.retryAttempts(),
                defaults.retryAttempts()),
            pick(sent, "retryGapMin", retryGapMin, base.retryGapMin(), defaults.retryGapMin()));
    if (merged.windowStart().equals(merged.windowEnd())) {
      String field =
          sent.has(PREFIX + "windowEnd") || !sent.has(PREFIX + "windowStart")
              ? "windowEnd"
              : "windowStart";
      throw sent.invalid(PREFIX + field, "windowStart and windowEnd must differ");
    }
    if (merged.start() != null && merged.end() != null && !merged.end().isAfter(merged.start())) {
      String field = sent.has(PREFIX + "end") || !sent.has(PREFIX + "start") ? "end" : "start";
      throw sent.invalid(PREFIX + field, "end must be after start");
    }
    return merged;
  }

  private static <T> T pick(SentFields sent, String field, T value, T current, T fallback) {
    if (!sent.has(PREFIX + field)) {
      return current;
    }
    return value == null ? fallback : value;
  }

  private String zone(SentFields sent, String fallback) {
    if (timezone == null) {
      return fallback;
    }
    String trimmed = timezone.trim();
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (id.equalsIgnoreCase(trimmed)) {
        return id;
      }
    }
    throw sent.invalid(PREFIX + "timezone", "must be an IANA time zone id like Asia/Dubai");
  }

  private List<Integer> days(SentFields sent, Schedule defaults) {
    if (windowDays == null) {
      return defaults.windowDays();
    }
    if (windowDays.isEmpty()) {
      throw sent.invalid(PREFIX + "windowDays", "must not be empty");
    }
    Set<Integer> seen = new HashSet<>();
    for (Integer day : windowDays) {
      if (!seen.add(day)) {
        throw sent.invalid(PREFIX + "windowDays", "must not contain duplicates");
      }
    }
    return windowDays;
  }

  /** ISO-8601 with offset, or a local date-time / date read in the schedule's time zone. */
  private static Instant instant(SentFields sent, String field, String value, ZoneId zone) {
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
      throw sent.invalid(
          PREFIX + field,
          "must be an ISO-8601 date-time like 2026-03-20T10:30:00Z, or a local date");
    }
  }
}
