package ai.agni.campaigns.campaign.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every time rule of one campaign for one callee (docs/api.md §12), as pure functions: the
 * campaign's daily window and blackout dates, judged in the campaign's zone or, with {@code
 * contactWindow}, in each of the callee's zones; and the organization's calling hours, always
 * judged in each of the callee's zones. A callee with no known zone is judged in the campaign's.
 *
 * <p>Open means open under every rule in every zone at once; {@link #nextOpen} finds the earliest
 * such instant by moving to each rule's own next opening until all agree (each move is to the
 * earliest instant that rule allows, so no instant open under all of them is ever skipped).
 */
public record LocalRules(
    DailyWindow window,
    ZoneId campaignZone,
    boolean contactWindow,
    SortedSet<LocalDate> blackoutDates,
    DailyWindow callingHours) {

  /** Which rule keeps a callee from being dialed at an instant. */
  public enum Rule {
    /** The campaign's window, weekdays, bounds or blackout dates. */
    WINDOW,
    /** The organization's calling hours. */
    CALLING_HOURS
  }

  /** How far ahead {@link #nextOpen} looks before saying the rules never open again. */
  static final long HORIZON_DAYS = 800;

  private static final int MAX_MOVES = 10_000;

  public LocalRules {
    blackoutDates = new TreeSet<>(blackoutDates);
  }

  /** Only the campaign's window in its zone: the rules as they were before compliance. */
  public static LocalRules ofWindow(DailyWindow window, ZoneId zone) {
    return new LocalRules(window, zone, false, new TreeSet<>(), null);
  }

  /** Calling hours as a window of every day without bounds, or null for none. */
  public static DailyWindow callingHours(LocalTime start, LocalTime end) {
    return start == null || end == null
        ? null
        : new DailyWindow(start, end, EnumSet.allOf(DayOfWeek.class), null, null);
  }

  /** Whether the callee's own zones matter (else every callee is judged alike). */
  public boolean judgedPerCallee() {
    return contactWindow || callingHours != null;
  }

  /** The first rule that keeps a callee with these zones from being dialed at {@code at}. */
  public Optional<Rule> blocking(List<ZoneId> calleeZones, Instant at) {
    for (ZoneId zone : windowZones(calleeZones)) {
      if (!CallingWindow.isOpen(window, zone, at) || blackedOut(zone, at)) {
        return Optional.of(Rule.WINDOW);
      }
    }
    if (callingHours != null) {
      for (ZoneId zone : calleeZonesOrCampaign(calleeZones)) {
        if (!CallingWindow.isOpen(callingHours, zone, at)) {
          return Optional.of(Rule.CALLING_HOURS);
        }
      }
    }
    return Optional.empty();
  }

  public boolean isOpen(List<ZoneId> calleeZones, Instant at) {
    return blocking(calleeZones, at).isEmpty();
  }

  /**
   * The earliest instant at or after {@code from} at which a callee with these zones may be dialed,
   * or empty when there is none (the campaign's end passes first, or the zones' windows never
   * overlap).
   */
  public Optional<Instant> nextOpen(List<ZoneId> calleeZones, Instant from) {
    List<ZoneId> windowZones = windowZones(calleeZones);
    List<ZoneId> hourZones = callingHours == null ? List.of() : calleeZonesOrCampaign(calleeZones);
    // why from the start bound: a campaign that starts years ahead still has its first opening.
    Instant base =
        window.notBefore() != null && window.notBefore().isAfter(from) ? window.notBefore() : from;
    Instant limit = base.plus(HORIZON_DAYS, ChronoUnit.DAYS);
    Instant at = from;
    for (int move = 0; move < MAX_MOVES && !at.isAfter(limit); move++) {
      Instant next = at;
      for (ZoneId zone : windowZones) {
        Optional<Instant> open = CallingWindow.nextOpen(window, zone, next);
        if (open.isEmpty()) {
          return Optional.empty();
        }
        next = open.get();
        if (blackedOut(zone, next)) {
          next = afterBlackout(zone, next);
        }
      }
      for (ZoneId zone : hourZones) {
        next = CallingWindow.nextOpen(callingHours, zone, next).orElseThrow();
      }
      if (next.equals(at)) {
        return Optional.of(at);
      }
      at = next;
    }
    return Optional.empty();
  }

  /** Whether the local date at {@code at} in {@code zone} is a blackout date. */
  boolean blackedOut(ZoneId zone, Instant at) {
    return !blackoutDates.isEmpty() && blackoutDates.contains(at.atZone(zone).toLocalDate());
  }

  /**
   * The first instant after {@code at} whose local date in {@code zone} is not a blackout date: the
   * next non-blackout midnight as the clock reaches it, or an earlier transition that turns the
   * clock back onto a date that is not blacked out.
   */
  private Instant afterBlackout(ZoneId zone, Instant at) {
    LocalDate day = at.atZone(zone).toLocalDate().plusDays(1);
    while (blackoutDates.contains(day)) {
      day = day.plusDays(1);
    }
    Instant midnight = CallingWindow.reached(day.atStartOfDay(), zone);
    ZoneOffsetTransition back = zone.getRules().nextTransition(at);
    if (back != null
        && back.getInstant().isBefore(midnight)
        && !blackoutDates.contains(back.getInstant().atZone(zone).toLocalDate())) {
      return back.getInstant();
    }
    return midnight;
  }

  private List<ZoneId> windowZones(List<ZoneId> calleeZones) {
    return contactWindow && !calleeZones.isEmpty() ? calleeZones : List.of(campaignZone);
  }

  private List<ZoneId> calleeZonesOrCampaign(List<ZoneId> calleeZones) {
    return calleeZones.isEmpty() ? List.of(campaignZone) : calleeZones;
  }

  /** Blackout dates from the stored column: comma-separated {@code YYYY-MM-DD}, "" for none. */
  public static SortedSet<LocalDate> parseDates(String column) {
    SortedSet<LocalDate> dates = new TreeSet<>();
    if (column != null && !column.isBlank()) {
      for (String d : column.split(",")) {
        if (!d.isBlank()) {
          dates.add(LocalDate.parse(d.trim()));
        }
      }
    }
    return dates;
  }
}
