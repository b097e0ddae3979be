package ai.agni.campaigns.campaign.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Compact builders for window tests: days as contract numbers, instants with their offset. */
final class Windows {

  private Windows() {}

  static DailyWindow window(String start, String end, String days) {
    return window(start, end, days, null, null);
  }

  static DailyWindow window(
      String start, String end, String days, Instant notBefore, Instant notAfter) {
    return new DailyWindow(
        LocalTime.parse(start), LocalTime.parse(end), days(days), notBefore, notAfter);
  }

  /** "1 2 3 4 5" is Monday to Friday; "0" is Sunday. */
  static Set<DayOfWeek> days(String days) {
    return Arrays.stream(days.trim().split("\\s+"))
        .map(day -> DailyWindow.dayOf(Integer.parseInt(day)))
        .collect(Collectors.toSet());
  }

  /** "2026-03-08T03:00-04:00" or "2026-03-08T07:00Z". */
  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }
}
