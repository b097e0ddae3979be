package ai.agni.campaigns.campaign;

import ai.agni.campaigns.campaign.schedule.DailyWindow;
import ai.agni.campaigns.campaign.schedule.LocalRules;
import ai.agni.campaigns.campaign.schedule.RetryRules;
import ai.agni.campaigns.campaign.schedule.WindowStatus;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A campaign's schedule as stored: optional start/end instants, a daily {@code HH:mm} window on
 * weekdays (0 = Sunday) in {@code timezone}, the campaign's concurrency and its retry policy.
 *
 * @param windowTimezone where the window, weekdays and blackout dates are judged: {@code campaign}
 *     (in {@code timezone}) or {@code contact} (in each contact's own zones)
 * @param blackoutDates local dates without dialing, sorted ascending and distinct
 * @param retryPolicy the per-outcome retry rules; null when none (every outcome retries after
 *     {@code retryGapMin})
 */
record Schedule(
    Instant start,
    Instant end,
    String windowStart,
    String windowEnd,
    List<Integer> windowDays,
    String timezone,
    int maxConcurrent,
    int retryAttempts,
    int retryGapMin,
    String windowTimezone,
    List<LocalDate> blackoutDates,
    RetryRules retryPolicy) {

  static final String DEFAULT_WINDOW_START = "09:00";
  static final String DEFAULT_WINDOW_END = "18:00";
  static final List<Integer> DEFAULT_WINDOW_DAYS = List.of(1, 2, 3, 4, 5);
  static final String DEFAULT_TIMEZONE = "UTC";
  static final int DEFAULT_MAX_CONCURRENT = 5;
  static final int DEFAULT_RETRY_ATTEMPTS = 2;
  static final int DEFAULT_RETRY_GAP_MIN = 30;
  static final String WINDOW_IN_CAMPAIGN_ZONE = "campaign";
  static final String WINDOW_IN_CONTACT_ZONE = "contact";
  static final int MAX_BLACKOUT_DATES = 366;

  Schedule {
    windowDays = List.copyOf(windowDays);
    blackoutDates = List.copyOf(new TreeSet<>(blackoutDates));
    retryPolicy = retryPolicy == null || retryPolicy.isNone() ? null : retryPolicy;
  }

  static Schedule defaults() {
    return new Schedule(
        null,
        null,
        DEFAULT_WINDOW_START,
        DEFAULT_WINDOW_END,
        DEFAULT_WINDOW_DAYS,
        DEFAULT_TIMEZONE,
        DEFAULT_MAX_CONCURRENT,
        DEFAULT_RETRY_ATTEMPTS,
        DEFAULT_RETRY_GAP_MIN,
        WINDOW_IN_CAMPAIGN_ZONE,
        List.of(),
        null);
  }

  /**
   * Whether the window is open at {@code at} and when it next opens (docs/api.md §13); a schedule
   * that cannot be read (a zone this JVM does not know) is shown closed with no opening, as the
   * engine never dials it.
   */
  WindowStatus windowStatus(Instant at) {
    LocalRules rules = localRules(null);
    if (rules == null) {
      return WindowStatus.unknown();
    }
    // why no calling hours and no callee: the campaign as a whole has its own clock; a contact
    // judged in its own time shows its own wait (waitingFor).
    return WindowStatus.of(rules, at);
  }

  /**
   * The schedule's time rules with the organization's calling hours (null: none), or null when the
   * schedule cannot be read (a zone this JVM does not know).
   */
  LocalRules localRules(DailyWindow callingHours) {
    try {
      Set<DayOfWeek> days = windowDays.stream().map(DailyWindow::dayOf).collect(Collectors.toSet());
      DailyWindow window =
          new DailyWindow(
              LocalTime.parse(windowStart), LocalTime.parse(windowEnd), days, start, end);
      return new LocalRules(
          window,
          ZoneId.of(timezone),
          "contact".equals(windowTimezone),
          new TreeSet<>(blackoutDates),
          callingHours);
    } catch (DateTimeException | IllegalArgumentException unreadable) {
      return null;
    }
  }

  /** {@code 1,2,3} as kept in {@code campaigns.window_days}. */
  String daysColumn() {
    return String.join(",", windowDays.stream().map(String::valueOf).toList());
  }

  /** {@code 2026-12-24,2026-12-25} as kept in {@code campaigns.blackout_dates}; '' for none. */
  String blackoutDatesColumn() {
    return String.join(",", blackoutDates.stream().map(LocalDate::toString).toList());
  }

  static List<LocalDate> parseBlackoutDates(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(column.split(","))
        .map(String::trim)
        .map(LocalDate::parse)
        .toList();
  }

  /** The JSON kept in {@code campaigns.retry_policy}; null when there is no policy. */
  String retryPolicyColumn() {
    return retryPolicy == null ? null : retryPolicy.toJson();
  }

  static List<Integer> parseDays(String column) {
    return java.util.Arrays.stream(column.split(","))
        .map(String::trim)
        .map(Integer::valueOf)
        .toList();
  }
}
