package ai.agni.campaigns.dialer;

import ai.agni.campaigns.campaign.schedule.CallingWindow;
import ai.agni.campaigns.campaign.schedule.DailyWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a campaign may dial and how it retries, read fresh from its row for every decision so that
 * schedule changes apply at the next dial. The zone is a parameter of the window math (the
 * campaign's zone today; a contact's zone could be passed later).
 */
record DialingRules(DailyWindow window, ZoneId zone, int retryAttempts, int retryGapMin) {

  static DialingRules of(
      String windowStart,
      String windowEnd,
      String windowDays,
      Instant notBefore,
      Instant notAfter,
      String timezone,
      int retryAttempts,
      int retryGapMin) {
    Set<DayOfWeek> days =
        Arrays.stream(windowDays.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> DailyWindow.dayOf(Integer.parseInt(s)))
            .collect(Collectors.toSet());
    DailyWindow window =
        new DailyWindow(
            LocalTime.parse(windowStart), LocalTime.parse(windowEnd), days, notBefore, notAfter);
    return new DialingRules(window, ZoneId.of(timezone), retryAttempts, retryGapMin);
  }

  boolean isOpen(Instant at) {
    return CallingWindow.isOpen(window, zone, at);
  }

  /** The next instant at or after {@code from} when dialing is allowed, or null if never. */
  Instant nextOpen(Instant from) {
    return CallingWindow.nextOpen(window, zone, from).orElse(null);
  }

  /** When the window open at {@code at} opened, or null if it is closed then. */
  Instant openedAt(Instant at) {
    return CallingWindow.openedAt(window, zone, at).orElse(null);
  }

  /** Whether the campaign's end has passed at {@code now}. */
  boolean ended(Instant now) {
    return window.notAfter() != null && !now.isBefore(window.notAfter());
  }
}
