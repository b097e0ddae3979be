package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.RejectUnknownFields;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.campaign.schedule.CallingWindow;
import ai.agni.campaigns.campaign.schedule.ClockTime;
import ai.agni.campaigns.campaign.schedule.RetryRules;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Integer retryGapMin,
    @Schema(
            description =
                "Where the window, weekdays and blackout dates are judged: campaign (in timezone)"
                    + " or contact (in each contact's local time); default campaign.",
            allowableValues = {"campaign", "contact"},
            example = "contact")
        @Pattern(regexp = "campaign|contact", message = "must be campaign or contact")
        String windowTimezone,
    @ArraySchema(
            arraySchema =
                @Schema(
                    description =
                        "Local dates (YYYY-MM-DD) without any dialing, judged where the window is;"
                            + " repeats collapse; default []."),
            schema = @Schema(format = "date", example = "2026-12-25"),
            maxItems = Schedule.MAX_BLACKOUT_DATES)
        @Size(max = Schedule.MAX_BLACKOUT_DATES, message = "must have at most {max} dates")
        List<@Pattern(regexp = YYYY_MM_DD, message = DATE) String> blackoutDates,
    @Schema(
            description =
                "Per-outcome retry rules; an outcome left out retries after retryGapMin. Null:"
                    + " none. retryAttempts stays the one budget of all outcomes.")
        @Valid
        RetryPolicyRequest retryPolicy) {

  static final String HH_MM = ClockTime.HH_MM;
  static final String DAYS = "each day must be between 0 (Sunday) and 6 (Saturday)";
  static final String YYYY_MM_DD = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
  static final String DATE = "must be a date YYYY-MM-DD";
  private static final String PREFIX = "schedule.";
  private static final String GAPS = "must be between 1 and 10080";

  /** {@code schedule.retryPolicy}: a rule per outcome; an outcome left out has none. */
  @RejectUnknownFields
  @Schema(
      name = "RetryPolicy",
      description =
          "A rule per call outcome (no_answer, busy, voicemail, failed; also noAnswer)."
              + " Other keys are refused.")
  record RetryPolicyRequest(
      @Schema(name = "no_answer") @Valid OutcomeRuleRequest noAnswer,
      @Valid OutcomeRuleRequest busy,
      @Valid OutcomeRuleRequest voicemail,
      @Valid OutcomeRuleRequest failed) {

    /** The rules given; null outcomes have none. */
    RetryRules rules() {
      Map<String, RetryRules.OutcomeRule> rules = new LinkedHashMap<>();
      put(rules, RetryRules.NO_ANSWER, noAnswer);
      put(rules, RetryRules.BUSY, busy);
      put(rules, RetryRules.VOICEMAIL, voicemail);
      put(rules, RetryRules.FAILED, failed);
      return new RetryRules(rules);
    }

    private static void put(
        Map<String, RetryRules.OutcomeRule> rules, String outcome, OutcomeRuleRequest rule) {
      if (rule != null) {
        rules.put(outcome, new RetryRules.OutcomeRule(rule.retry(), rule.gapsMin()));
      }
    }
  }

  /** One outcome's rule: whether it is retried and the gaps before the 1st, 2nd, ... retry. */
  @RejectUnknownFields
  @Schema(name = "OutcomeRetryRule")
  record OutcomeRuleRequest(
      @Schema(description = "Whether a contact with this outcome is called again.")
          @NotNull(message = "is required (true or false)")
          Boolean retry,
      @ArraySchema(
              arraySchema =
                  @Schema(
                      description =
                          "Minutes before the n-th retry: gapsMin[n-1], the last one repeating."
                              + " Left out: retryGapMin.",
                      example = "[5, 60, 240]"),
              schema = @Schema(minimum = "1", maximum = "10080"),
              minItems = 1,
              maxItems = 10)
          @Size(min = 1, max = 10, message = "must have 1 to 10 gaps")
          List<@Min(value = 1, message = GAPS) @Max(value = 10080, message = GAPS) Integer>
              gapsMin) {}

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
            pick(sent, "retryGapMin", retryGapMin, base.retryGapMin(), defaults.retryGapMin()),
            pick(
                sent,
                "windowTimezone",
                windowTimezone,
                base.windowTimezone(),
                defaults.windowTimezone()),
            sent.has(PREFIX + "blackoutDates") ? blackoutDates(sent) : base.blackoutDates(),
            sent.has(PREFIX + "retryPolicy")
                ? (retryPolicy == null ? null : retryPolicy.rules())
                : base.retryPolicy());
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

  /** Real dates only (2026-02-30 is refused); repeats collapse when the schedule sorts them. */
  private List<LocalDate> blackoutDates(SentFields sent) {
    if (blackoutDates == null) {
      return List.of();
    }
    List<LocalDate> dates = new ArrayList<>(blackoutDates.size());
    for (int i = 0; i < blackoutDates.size(); i++) {
      try {
        dates.add(LocalDate.parse(blackoutDates.get(i)));
      } catch (DateTimeParseException notADate) {
        throw sent.invalid(PREFIX + "blackoutDates[" + i + "]", "must be a real date YYYY-MM-DD");
      }
    }
    return dates;
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
      // why reached, not atZone: atZone moves a time inside a DST gap forward by the gap's length
      // (New York 02:30 -> 03:30 EDT), so a campaign could dial up to a gap after its end; the
      // moment the local clock first reads the time is the gap's end (03:00 EDT), and in an
      // overlap its first occurrence, as CallingWindow reads window times.
      return CallingWindow.reached(LocalDateTime.parse(text), zone);
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
