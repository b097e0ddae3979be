package ai.agni.campaigns.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random windows, zones and instants around the 2026 DST changes: whatever {@code nextOpen} answers
 * is open, and nothing sampled minute by minute before it is.
 */
class CallingWindowPropertyTest {

  private static final List<ZoneId> ZONES =
      List.of(
              "UTC",
              "America/New_York",
              "Europe/London",
              "Australia/Lord_Howe",
              "Asia/Kolkata",
              "Pacific/Chatham")
          .stream()
          .map(ZoneId::of)
          .toList();
  private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(1);

  /** Minute steps checked before each answer: bounds the work at about two million checks. */
  private static final int MAX_STEPS = 2 * 24 * 60;

  private final Random random = new Random(20260308L);

  @Test
  void nextOpenIsOpenAndNothingBeforeItIs() {
    for (int i = 0; i < 3000; i++) {
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      DailyWindow window = randomWindow();
      Instant from = randomInstant(zone);
      Optional<Instant> next = CallingWindow.nextOpen(window, zone, from);
      String context = window + " " + zone + " from " + from;
      if (next.isPresent()) {
        assertThat(next.get()).as(context).isAfterOrEqualTo(from);
        assertThat(CallingWindow.isOpen(window, zone, next.get())).as(context).isTrue();
        assertThat(CallingWindow.closesAt(window, zone, next.get()).orElseThrow())
            .as(context)
            .isAfter(next.get());
      }
      Instant stop = next.orElse(from.plus(STEP.multipliedBy(MAX_STEPS)));
      Instant t = from;
      for (int step = 0; step < MAX_STEPS && t.isBefore(stop); step++, t = t.plus(STEP)) {
        assertThat(CallingWindow.isOpen(window, zone, t)).as(context + " at " + t).isFalse();
      }
    }
  }

  @Test
  void anOpenWindowStaysOpenUntilItClosesAndIsClosedThen() {
    for (int i = 0; i < 3000; i++) {
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      DailyWindow window = randomWindow();
      Instant at = randomInstant(zone);
      if (!CallingWindow.isOpen(window, zone, at)) {
        assertThat(CallingWindow.closesAt(window, zone, at)).isEmpty();
        continue;
      }
      Instant close = CallingWindow.closesAt(window, zone, at).orElseThrow();
      String context = window + " " + zone + " at " + at;
      assertThat(CallingWindow.isOpen(window, zone, close)).as(context).isFalse();
      assertThat(CallingWindow.isOpen(window, zone, close.minusNanos(1))).as(context).isTrue();
      Instant t = at;
      for (int step = 0; step < MAX_STEPS && t.isBefore(close); step++, t = t.plus(STEP)) {
        assertThat(CallingWindow.isOpen(window, zone, t)).as(context + " at " + t).isTrue();
      }
    }
  }

  private DailyWindow randomWindow() {
    LocalTime start = randomQuarterHour();
    LocalTime end = randomQuarterHour();
    while (end.equals(start)) {
      end = randomQuarterHour();
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    while (days.isEmpty()) {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (random.nextInt(3) == 0) {
          days.add(day);
        }
      }
    }
    Instant notBefore = random.nextInt(4) == 0 ? randomInstant() : null;
    Instant notAfter = random.nextInt(4) == 0 ? randomInstant() : null;
    return new DailyWindow(start, end, days, notBefore, notAfter);
  }

  private LocalTime randomQuarterHour() {
    return LocalTime.of(random.nextInt(24), 15 * random.nextInt(4));
  }

  /** Any second of 2026, which holds every zone's two DST changes. */
  private Instant randomInstant() {
    return YEAR_START.plusSeconds(random.nextInt(365 * 24 * 3600));
  }

  /** Half the time within three days of one of the zone's 2026 DST changes, where bugs hide. */
  private Instant randomInstant(ZoneId zone) {
    ZoneOffsetTransition change = zone.getRules().nextTransition(YEAR_START);
    if (change == null || random.nextBoolean()) {
      return randomInstant();
    }
    if (random.nextBoolean()) {
      change = zone.getRules().nextTransition(change.getInstant());
    }
    int threeDays = 3 * 24 * 3600;
    return change.getInstant().plusSeconds(random.nextInt(2 * threeDays) - threeDays);
  }
}
