package ai.agni.campaigns.campaign.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * Pure window math over {@code java.time}: is a call allowed at an instant, and when is the next
 * moment it is. The zone is a parameter (the campaign's today, a contact's later).
 *
 * <p>Each allowed day {@code D} gives one span of instants: it opens at the first instant the local
 * clock reads {@code start} on {@code D} or later, and closes at the first instant the clock reads
 * {@code end} on {@code D} (or on {@code D+1} for an overnight window, {@code start > end}) or
 * later. Consequences at DST changes:
 *
 * <ul>
 *   <li>a wall-clock time inside a spring-forward gap is reached at the end of the gap (the
 *       transition instant), so a window starting at 02:30 in New York opens at 03:00 EDT that day,
 *       not at 03:30 as {@code ZonedDateTime.of} would shift it;
 *   <li>a wall-clock time inside a fall-back overlap is reached at its first occurrence, for start
 *       and for end alike. The window thus never dials after the callee's clock has shown the end
 *       time, and an overlap never makes it shorter than its nominal length (it may make it longer,
 *       when it runs past the end of the repeated hour).
 * </ul>
 *
 * A span that is empty after this resolution (start and end both in one gap) is skipped.
 */
public final class CallingWindow {

  /**
   * Days of spans examined by {@link #nextOpen}: one week covers every weekday, a second week
   * covers an allowed day whose only span vanished in a DST gap.
   */
  private static final int SEARCH_DAYS = 17;

  private CallingWindow() {}

  /** Whether a call may start at {@code at}: inside bounds, on an allowed day's window. */
  public static boolean isOpen(DailyWindow window, ZoneId zone, Instant at) {
    return withinBounds(window, at) && spanAt(window, zone, at).isPresent();
  }

  /**
   * The earliest instant at or after {@code from} at which {@link #isOpen} is true, or empty when
   * there is none (the window never opens again before {@code notAfter}).
   */
  public static Optional<Instant> nextOpen(DailyWindow window, ZoneId zone, Instant from) {
    Instant start =
        window.notBefore() != null && from.isBefore(window.notBefore()) ? window.notBefore() : from;
    if (!beforeEnd(window, start)) {
      return Optional.empty();
    }
    // Begin two days early: yesterday's overnight span may still be open, and after a fall-back
    // across midnight the local date reads a day behind the spans already opened.
    LocalDate day = start.atZone(zone).toLocalDate().minusDays(2);
    for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
      Optional<Span> span = spanOn(window, zone, day);
      if (span.isEmpty() || !span.get().close().isAfter(start)) {
        continue;
      }
      Instant candidate = span.get().open().isAfter(start) ? span.get().open() : start;
      return beforeEnd(window, candidate) ? Optional.of(candidate) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * When the window that is open at {@code at} closes (exclusive end), or empty if it is not open
   * at {@code at}.
   */
  public static Optional<Instant> closesAt(DailyWindow window, ZoneId zone, Instant at) {
    if (!isOpen(window, zone, at)) {
      return Optional.empty();
    }
    Instant close = spanAt(window, zone, at).orElseThrow().close();
    // A DST gap can make one day's span end exactly where the next one opens: keep going.
    for (int i = 0; i < SEARCH_DAYS; i++) {
      Optional<Span> next = spanAt(window, zone, close);
      if (next.isEmpty()) {
        break;
      }
      close = next.get().close();
    }
    if (window.notAfter() != null && window.notAfter().isBefore(close)) {
      close = window.notAfter();
    }
    return Optional.of(close);
  }

  /**
   * When the window that is open at {@code at} opened: the later of its span's opening (spans that
   * touch across a DST gap count as one) and {@code notBefore}; empty if it is not open at {@code
   * at}.
   */
  public static Optional<Instant> openedAt(DailyWindow window, ZoneId zone, Instant at) {
    if (!isOpen(window, zone, at)) {
      return Optional.empty();
    }
    Instant open = spanAt(window, zone, at).orElseThrow().open();
    for (int i = 0; i < SEARCH_DAYS; i++) {
      Optional<Span> before = spanAt(window, zone, open.minusNanos(1));
      if (before.isEmpty()) {
        break;
      }
      open = before.get().open();
    }
    if (window.notBefore() != null && window.notBefore().isAfter(open)) {
      open = window.notBefore();
    }
    return Optional.of(open);
  }

  /**
   * The span containing {@code at}, ignoring bounds. Usually today's or yesterday's; why also the
   * day before yesterday and tomorrow: a fall-back that crosses local midnight (America/St_Johns
   * until 2010) shows yesterday's date again after tomorrow's span, by its first occurrence of the
   * start time, has opened. {@link #nextOpen} and this must agree at every instant.
   */
  private static Optional<Span> spanAt(DailyWindow window, ZoneId zone, Instant at) {
    LocalDate today = at.atZone(zone).toLocalDate();
    for (LocalDate day = today.minusDays(2);
        !day.isAfter(today.plusDays(1));
        day = day.plusDays(1)) {
      Optional<Span> span = spanOn(window, zone, day);
      if (span.isPresent() && span.get().contains(at)) {
        return span;
      }
    }
    return Optional.empty();
  }

  /** The span opening on local date {@code day}, if the day is allowed and the span not empty. */
  private static Optional<Span> spanOn(DailyWindow window, ZoneId zone, LocalDate day) {
    if (!window.days().contains(day.getDayOfWeek())) {
      return Optional.empty();
    }
    boolean overnight = window.start().isAfter(window.end());
    Instant open = reached(day.atTime(window.start()), zone);
    LocalDate endDay = overnight ? day.plusDays(1) : day;
    Instant close = reached(endDay.atTime(window.end()), zone);
    return open.isBefore(close) ? Optional.of(new Span(open, close)) : Optional.empty();
  }

  /**
   * The first instant at which the local clock reads {@code local} or later: the transition instant
   * when {@code local} falls in a gap, the earlier offset when it falls in an overlap.
   */
  public static Instant reached(LocalDateTime local, ZoneId zone) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return local.atZone(zone).toInstant(); // earlier offset in an overlap: first occurrence
  }

  private static boolean withinBounds(DailyWindow window, Instant at) {
    return (window.notBefore() == null || !at.isBefore(window.notBefore()))
        && beforeEnd(window, at);
  }

  private static boolean beforeEnd(DailyWindow window, Instant at) {
    return window.notAfter() == null || at.isBefore(window.notAfter());
  }

  private record Span(Instant open, Instant close) {
    boolean contains(Instant at) {
      return !at.isBefore(open) && at.isBefore(close);
    }
  }
}
