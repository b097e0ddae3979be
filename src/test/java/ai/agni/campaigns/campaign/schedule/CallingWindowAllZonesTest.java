package ai.agni.campaigns.campaign.schedule;

import static ai.agni.campaigns.campaign.schedule.ZoneScans.CHECK_BEFORE;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.HOURS;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.IN_GAP;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.MIDNIGHT;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.MINUTE;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.OVERNIGHT;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.SCAN_AFTER;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.SCAN_BEFORE;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.SHAPES;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.WEEKDAYS;
import static ai.agni.campaigns.campaign.schedule.ZoneScans.year;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.campaign.schedule.ZoneScans.Failures;
import ai.agni.campaigns.campaign.schedule.ZoneScans.Sampling;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link CallingWindow} against {@link WallClockOracle} in every zone this JVM knows: minute by
 * minute around every transition of 2026 and 2027, and every 15 minutes over both whole years in
 * the zones with odd rules.
 */
class CallingWindowAllZonesTest {

  /** Instants around which zones without a transition in 2026-2027 are scanned. */
  private static final List<Instant> QUIET =
      List.of(Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-12-31T12:00:00Z"));

  private static final List<String> ODD_ZONES =
      List.of(
          "Australia/Lord_Howe",
          "Pacific/Apia",
          "Pacific/Kiritimati",
          "Africa/Casablanca",
          "Antarctica/Troll",
          "America/Sao_Paulo",
          "Asia/Gaza",
          "Pacific/Chatham",
          "America/Santiago");

  @Test
  void everyZoneAroundEveryTransitionOf2026And2027() {
    Failures failures = new Failures();
    List<ZoneId> zones = ZoneScans.allZones();
    zones.parallelStream()
        .forEach(
            zone -> {
              List<Instant> around = ZoneScans.transitions(zone, year(2026), year(2028));
              if (around.isEmpty()) {
                around = QUIET;
              }
              for (int k = 0; k < around.size(); k++) {
                Instant transition = around.get(k);
                ZoneScans.assertOnGrid(zone, transition, MINUTE);
                aroundOne(zone, transition, shapesFor(k, transition), failures);
              }
            });
    failures.assertNone();
  }

  /**
   * Two of the weekday, overnight, in-gap, midnight windows and calling hours per transition (in
   * turn, so a zone with four transitions sees all five), and one of them again with bounds just
   * around the transition. Why not all of them everywhere: the time box of about a minute.
   */
  private static List<DailyWindow> shapesFor(int k, Instant transition) {
    List<DailyWindow> shapes = new ArrayList<>();
    shapes.add(SHAPES.get((2 * k) % SHAPES.size()));
    shapes.add(SHAPES.get((2 * k + 1) % SHAPES.size()));
    DailyWindow base = SHAPES.get((2 * k + 2) % SHAPES.size());
    shapes.add(
        ZoneScans.bounded(
            base, transition.minus(Duration.ofHours(7)), transition.plus(Duration.ofMinutes(90))));
    return shapes;
  }

  private static void aroundOne(
      ZoneId zone, Instant transition, List<DailyWindow> shapes, Failures failures) {
    Instant first = transition.minus(SCAN_BEFORE);
    int n = (int) (SCAN_BEFORE.plus(SCAN_AFTER).toMinutes()) + 1;
    int from = (int) SCAN_BEFORE.minus(CHECK_BEFORE).toMinutes();
    // Every minute within 3 h of the transition and next to each change, else every 7th minute.
    Sampling sampling = new Sampling(from, 7, 180, List.of(transition));
    WallClockOracle oracle = new WallClockOracle(zone, first, MINUTE, n);
    for (DailyWindow w : shapes) {
      ZoneScans.checkWindow(w, zone, oracle, sampling, failures);
    }
  }

  @Test
  void oddZonesOverTheWholeOf2026And2027EveryQuarterHour() {
    Failures failures = new Failures();
    Duration step = Duration.ofMinutes(15);
    Instant first = year(2026).minus(Duration.ofDays(2));
    int from = (int) (Duration.ofDays(2).toMinutes() / 15);
    int n = (int) (Duration.between(first, year(2028)).toMinutes() / 15);
    // Every quarter hour within 6 h of a transition and next to each change, else every 2 hours.

    ODD_ZONES.parallelStream()
        .map(ZoneId::of)
        .forEach(
            zone -> {
              List<Instant> transitions = ZoneScans.transitions(zone, first, year(2028));
              for (Instant t : transitions) {
                ZoneScans.assertOnGrid(zone, t, step);
              }
              Sampling sampling = new Sampling(from, 8, 24, transitions);
              WallClockOracle oracle = new WallClockOracle(zone, first, step, n);
              for (DailyWindow w : List.of(WEEKDAYS, OVERNIGHT, IN_GAP, MIDNIGHT, HOURS)) {
                ZoneScans.checkWindow(w, zone, oracle, sampling, failures);
              }
            });
    failures.assertNone();
  }

  /** The days Samoa (2011) and Kiritimati (1994) skipped by crossing the date line. */
  @Test
  void skippedDays() {
    Failures failures = new Failures();
    for (String[] zoneAndYear :
        List.of(
            new String[] {"Pacific/Apia", "2011"}, new String[] {"Pacific/Kiritimati", "1994"})) {
      ZoneId zone = ZoneId.of(zoneAndYear[0]);
      int y = Integer.parseInt(zoneAndYear[1]);
      List<Instant> transitions = ZoneScans.transitions(zone, year(y), year(y + 1));
      assertThat(transitions).isNotEmpty();
      for (Instant transition : transitions) {
        ZoneScans.assertOnGrid(zone, transition, MINUTE);
        aroundOne(zone, transition, SHAPES, failures);
      }
    }
    failures.assertNone();
  }

  /**
   * St John's fell back across local midnight (00:01 NDT to 23:01 NST the day before) until 2010:
   * the oracle everywhere, and {@code isOpen(t)} exactly when {@code nextOpen(t)} is {@code t}.
   */
  @Test
  void stJohnsFallBackAcrossMidnight2006To2010() {
    ZoneId zone = ZoneId.of("America/St_Johns");
    Failures failures = new Failures();
    List<DailyWindow> shapes =
        List.of(
            WEEKDAYS,
            OVERNIGHT,
            MIDNIGHT,
            ZoneScans.window("23:30", "00:30", "0 1 2 3 4 5 6"),
            ZoneScans.window("23:00", "23:59", "0 6"),
            ZoneScans.window("00:00", "23:00", "0"),
            HOURS);
    List<Instant> transitions = ZoneScans.transitions(zone, year(2006), year(2011));
    assertThat(transitions).hasSize(10);
    for (Instant transition : transitions) {
      ZoneScans.assertOnGrid(zone, transition, MINUTE);
      aroundOne(zone, transition, shapes, failures);
      for (DailyWindow w : shapes) {
        for (Instant t = transition.minus(Duration.ofHours(30));
            t.isBefore(transition.plus(Duration.ofHours(30)));
            t = t.plus(MINUTE)) {
          boolean open = CallingWindow.isOpen(w, zone, t);
          Optional<Instant> next = CallingWindow.nextOpen(w, zone, t);
          if (open != next.equals(Optional.of(t))) {
            failures.add(w + " at " + t + ": isOpen " + open + ", nextOpen " + next);
            break;
          }
        }
      }
    }
    failures.assertNone();
  }
}
