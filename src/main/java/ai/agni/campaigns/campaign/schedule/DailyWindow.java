package ai.agni.campaigns.campaign.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

/**
 * When calls may be placed, independent of any time zone: a daily wall-clock window on allowed
 * weekdays, within optional {@code notBefore} / {@code notAfter} bounds (the campaign's start and
 * end). {@code start > end} is an overnight window that belongs to the day it opens.
 */
public record DailyWindow(
    LocalTime start, LocalTime end, Set<DayOfWeek> days, Instant notBefore, Instant notAfter) {

  public DailyWindow {
    days = Set.copyOf(days);
    if (start.equals(end)) {
      throw new IllegalArgumentException("window start and end must differ");
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("at least one day is needed");
    }
  }

  /** The API's day numbers (docs/api.md §6.4): 0 = Sunday ... 6 = Saturday. */
  public static DayOfWeek dayOf(int contractDay) {
    if (contractDay < 0 || contractDay > 6) {
      throw new IllegalArgumentException("day must be 0..6: " + contractDay);
    }
    return contractDay == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(contractDay);
  }

  public static int contractDay(DayOfWeek day) {
    return day == DayOfWeek.SUNDAY ? 0 : day.getValue();
  }
}
