package ai.agni.campaigns.dialer;

import ai.agni.campaigns.campaign.schedule.CalleeZones;
import ai.agni.campaigns.campaign.schedule.CallingWindow;
import ai.agni.campaigns.campaign.schedule.DailyWindow;
import ai.agni.campaigns.campaign.schedule.LocalRules;
import ai.agni.campaigns.campaign.schedule.RetryPolicy;
import ai.agni.campaigns.campaign.schedule.RetryRules;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * When a campaign may dial and how it retries, read fresh from its row (and its organization's
 * calling hours) for every decision so that changes apply at the next dial. Every time rule is
 * judged per callee through its zone key (docs/api.md §12); without {@code windowTimezone: contact}
 * and calling hours every callee is judged alike, in the campaign's zone.
 */
record DialingRules(LocalRules local, int retryAttempts, int retryGapMin, RetryRules retry) {

  /** Parsed zone keys; why a cache: a campaign has a few dozen, read at every dial. */
  private static final Map<String, List<ZoneId>> ZONES = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_KEYS = 10_000;

  static DialingRules of(
      String windowStart,
      String windowEnd,
      String windowDays,
      Instant notBefore,
      Instant notAfter,
      String timezone,
      int retryAttempts,
      int retryGapMin,
      String windowTimezone,
      String blackoutDates,
      String retryPolicy,
      String callingHoursStart,
      String callingHoursEnd) {
    Set<DayOfWeek> days =
        Arrays.stream(windowDays.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> DailyWindow.dayOf(Integer.parseInt(s)))
            .collect(Collectors.toSet());
    DailyWindow window =
        new DailyWindow(
            LocalTime.parse(windowStart), LocalTime.parse(windowEnd), days, notBefore, notAfter);
    DailyWindow hours =
        callingHoursStart == null || callingHoursEnd == null
            ? null
            : LocalRules.callingHours(
                LocalTime.parse(callingHoursStart), LocalTime.parse(callingHoursEnd));
    LocalRules local =
        new LocalRules(
            window,
            ZoneId.of(timezone),
            "contact".equals(windowTimezone),
            LocalRules.parseDates(blackoutDates),
            hours);
    return new DialingRules(local, retryAttempts, retryGapMin, RetryRules.parse(retryPolicy));
  }

  DailyWindow window() {
    return local.window();
  }

  ZoneId zone() {
    return local.campaignZone();
  }

  /** Whether callees are judged in their own zones (claims then go zone group by zone group). */
  boolean perCallee() {
    return local.judgedPerCallee();
  }

  /** Whether the campaign may dial at {@code at}, for callees judged alike (not per callee). */
  boolean isOpen(Instant at) {
    return local.isOpen(List.of(), at);
  }

  /** Whether a callee of this zone group may be dialed at {@code at}. */
  boolean isOpen(String zoneKey, Instant at) {
    return local.isOpen(zones(zoneKey), at);
  }

  /** The rule that keeps a callee of this zone group from being dialed at {@code at}, if any. */
  Optional<LocalRules.Rule> blocking(String zoneKey, Instant at) {
    return local.blocking(zones(zoneKey), at);
  }

  /** The next instant at or after {@code from} when dialing is allowed, or null if never. */
  Instant nextOpen(Instant from) {
    return local.nextOpen(List.of(), from).orElse(null);
  }

  /** The next instant a callee of this zone group may be dialed, or null if never. */
  Instant nextOpen(String zoneKey, Instant from) {
    return local.nextOpen(zones(zoneKey), from).orElse(null);
  }

  /** When the window open at {@code at} opened, or null if it is closed then. */
  Instant openedAt(Instant at) {
    return CallingWindow.openedAt(window(), zone(), at).orElse(null);
  }

  /** Whether the campaign's end has passed at {@code now}. */
  boolean ended(Instant now) {
    return window().notAfter() != null && !now.isBefore(window().notAfter());
  }

  /** Whether an attempt with this outcome may be retried at all (its rule of the policy). */
  boolean retries(String outcome) {
    return retry.retries(outcome);
  }

  /**
   * The next attempt after attempt number {@code attemptsMade} ended with {@code outcome}: the
   * outcome's gap, then the callee's next allowed instant; empty when the rules never open again.
   */
  Optional<Instant> nextAttemptAt(
      int attemptsMade, String outcome, Instant endedAt, String zoneKey) {
    int gap = retry.gapMinutes(outcome, attemptsMade, retryGapMin);
    return RetryPolicy.nextAttemptAt(
        attemptsMade, retryAttempts, gap, endedAt, local, zones(zoneKey));
  }

  /** The gap the policy gives after attempt number {@code attemptsMade} ended with outcome. */
  int gapMinutes(int attemptsMade, String outcome) {
    return retry.gapMinutes(outcome, attemptsMade, retryGapMin);
  }

  static List<ZoneId> zones(String zoneKey) {
    if (zoneKey == null || zoneKey.isEmpty()) {
      return List.of();
    }
    List<ZoneId> zones = ZONES.get(zoneKey);
    if (zones == null) {
      zones = List.copyOf(CalleeZones.parse(zoneKey));
      if (ZONES.size() < MAX_CACHED_KEYS) {
        ZONES.put(zoneKey, zones);
      }
    }
    return zones;
  }
}
