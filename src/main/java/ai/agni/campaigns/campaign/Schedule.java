package ai.agni.campaigns.campaign;

import ai.agni.campaigns.campaign.schedule.DailyWindow;
import ai.agni.campaigns.campaign.schedule.WindowStatus;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A campaign's schedule as stored: optional start/end instants, a daily {@code HH:mm} window on
 * weekdays (0 = Sunday) in {@code timezone}, the campaign's concurrency and its retry policy.
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
    int retryGapMin) {

  static final String DEFAULT_WINDOW_START = "09:00";
  static final String DEFAULT_WINDOW_END = "18:00";
  static final List<Integer> DEFAULT_WINDOW_DAYS = List.of(1, 2, 3, 4, 5);
  static final String DEFAULT_TIMEZONE = "UTC";
  static final int DEFAULT_MAX_CONCURRENT = 5;
  static final int DEFAULT_RETRY_ATTEMPTS = 2;
  static final int DEFAULT_RETRY_GAP_MIN = 30;

  Schedule {
    windowDays = List.copyOf(windowDays);
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
        DEFAULT_RETRY_GAP_MIN);
  }

  /**
   * Whether the window is open at {@code at} and when it next opens (docs/api.md §13); a schedule
   * that cannot be read (a zone this JVM does not know) is shown closed with no opening, as the
   * engine never dials it.
   */
  WindowStatus windowStatus(Instant at) {
    DailyWindow window;
    ZoneId zone;
    try {
      Set<DayOfWeek> days = windowDays.stream().map(DailyWindow::dayOf).collect(Collectors.toSet());
      window =
          new DailyWindow(
              LocalTime.parse(windowStart), LocalTime.parse(windowEnd), days, start, end);
      zone = ZoneId.of(timezone);
    } catch (DateTimeException | IllegalArgumentException unreadable) {
      return WindowStatus.unknown();
    }
    return WindowStatus.of(window, zone, at);
  }

  /** {@code 1,2,3} as kept in {@code campaigns.window_days}. */
  String daysColumn() {
    return String.join(",", windowDays.stream().map(String::valueOf).toList());
  }

  static List<Integer> parseDays(String column) {
    return java.util.Arrays.stream(column.split(","))
        .map(String::trim)
        .map(Integer::valueOf)
        .toList();
  }
}
