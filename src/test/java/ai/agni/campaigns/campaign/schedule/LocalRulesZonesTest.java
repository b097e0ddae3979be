package ai.agni.campaigns.campaign.schedule;

import static ai.agni.campaigns.campaign.schedule.ZoneScans.CHECK_BEFORE;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.HOURS;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.IN_GAP;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.MIDNIGHT;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.MINUTE;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.OVERNIGHT;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.SCAN_AFTER;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.SCAN_BEFORE;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.WEEKDAYS;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.year;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.campaign.schedule.ZoneScans.Failures;
import ai.agni.campaigns.campaign.schedule.ZoneScans.Sampling;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link LocalRules} against {@link WallClockOracle} in every zone this JVM knows, minute by minute
 * around every transition of 2026 and 2027: the campaign's window and blackout dates in the
 * campaign's zone or the callee's, calling hours in the callee's, and callees with several zones.
 */
class LocalRulesZonesTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final List<Instant> QUIET =
      List.of(Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-12-31T12:00:00Z"));

  /** One set of rules and the callee's zones it is judged for. */
  private record Case(LocalRules rules, List<ZoneId> callee) {}

  @Test
  void everyZoneAroundEveryTransitionOf2026And2027() {
    Failures failures = new Failures();
    ZoneScans.allZones().parallelStream()
        .forEach(
            zone -> {
              List<Instant> around = ZoneScans.transitions(zone, year(2026), year(2028));
              if (around.isEmpty()) {
                around = QUIET;
              }
              for (int k = 0; k < around.size(); k++) {
                Instant transition = around.get(k);
                List<Case> all = cases(zone, transition);
                // Two of the five per transition, in turn: every zone with DST sees them all.
                List<Case> some = List.of(all.get((2 * k) % 5), all.get((2 * k + 1) % 5));
                aroundOne(transition, some, List.of(transition), failures);
              }
            });
    failures.assertNone();
  }

  /**
   * Window shapes whose rules can open together (rules that never open make {@code nextOpen} look
   * 800 days ahead at every instant: one such case is {@link #rulesThatNeverOverlapNeverOpen}).
   */
  private static List<Case> cases(ZoneId zone, Instant transition) {
    LocalDate day = transition.atZone(zone).toLocalDate();
    Set<LocalDate> transitionDay = Set.of(day);
    return List.of(
        // The campaign's weekday window and blackout in its own zone; a callee of no known zone.
        new Case(rules(WEEKDAYS, zone, false, transitionDay, HOURS), List.of()),
        // The window in the callee's zone, blacked out on the transition's day.
        new Case(rules(OVERNIGHT, UTC, true, transitionDay, null), List.of(zone)),
        // A window inside the usual gap, in the callee's zone, the day after blacked out.
        new Case(rules(IN_GAP, UTC, true, Set.of(day.plusDays(1)), null), List.of(zone)),
        // The campaign's window in UTC, calling hours in the callee's zone.
        new Case(
            rules(ZoneScans.window("06:00", "23:30", "0 1 2 3 4 5 6"), UTC, false, Set.of(), HOURS),
            List.of(zone)),
        // Both in the callee's zone, calling hours the narrower one on weekdays.
        new Case(rules(WEEKDAYS, UTC, true, Set.of(day.minusDays(1)), HOURS), List.of(zone)));
  }

  private static LocalRules rules(
      DailyWindow window,
      ZoneId campaign,
      boolean contactWindow,
      Set<LocalDate> blackout,
      DailyWindow hours) {
    return new LocalRules(window, campaign, contactWindow, new TreeSet<>(blackout), hours);
  }

  private static void aroundOne(
      Instant transition, List<Case> cases, List<Instant> transitions, Failures failures) {
    Instant first = transition.minus(SCAN_BEFORE);
    int n = (int) (SCAN_BEFORE.plus(SCAN_AFTER).toMinutes()) + 1;
    int from = (int) SCAN_BEFORE.minus(CHECK_BEFORE).toMinutes();
    // Every minute within 3 h of a transition and next to each change, else every 7th minute.
    Sampling sampling = new Sampling(from, 7, 180, transitions);
    for (Case c : cases) {
      ZoneScans.checkRules(c.rules(), c.callee(), first, MINUTE, n, sampling, failures);
    }
  }

  /** Callees with several zones: open only when open in every one of them. */
  @Test
  void calleesWithSeveralZonesAroundEachOfTheirTransitions() {
    Failures failures = new Failures();
    List<List<ZoneId>> sets =
        Stream.of(
                List.of("America/New_York", "America/Chicago"),
                List.of("Australia/Lord_Howe", "Pacific/Apia"),
                List.of("Europe/London", "Europe/Lisbon", "Africa/Casablanca"),
                List.of("America/St_Johns", "America/Halifax"),
                List.of("Antarctica/Troll", "Europe/Oslo"))
            .map(ids -> ids.stream().map(ZoneId::of).toList())
            .toList();
    sets.parallelStream()
        .forEach(
            callee -> {
              List<Instant> transitions = new ArrayList<>();
              for (ZoneId zone : callee) {
                transitions.addAll(ZoneScans.transitions(zone, year(2026), year(2028)));
              }
              for (Instant transition : transitions) {
                ZoneId home = callee.get(0);
                Set<LocalDate> day = Set.of(transition.atZone(home).toLocalDate());
                List<Case> cases =
                    List.of(
                        new Case(rules(WEEKDAYS, UTC, true, day, HOURS), callee),
                        new Case(
                            rules(
                                ZoneScans.window("06:00", "23:30", "0 1 2 3 4 5 6"),
                                home,
                                false,
                                day,
                                HOURS),
                            callee),
                        new Case(
                            rules(ZoneScans.window("00:00", "12:00", "0 6"), UTC, true, day, null),
                            callee));
                aroundOne(transition, cases, transitions, failures);
              }
            });
    failures.assertNone();
  }

  @Test
  void rulesThatNeverOverlapNeverOpen() {
    ZoneId zone = ZoneId.of("America/New_York");
    LocalRules rules = rules(MIDNIGHT, zone, true, Set.of(), HOURS);
    Instant from = Instant.parse("2026-03-08T05:30:00Z"); // 00:30 EST
    assertThat(rules.nextOpen(List.of(zone), from)).isEmpty();
    assertThat(rules.blocking(List.of(zone), from)).contains(LocalRules.Rule.CALLING_HOURS);
    assertThat(rules.blocking(List.of(zone), Instant.parse("2026-03-08T15:00:00Z")))
        .contains(LocalRules.Rule.WINDOW);
  }
}
