package ai.agni.campaigns.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared scans for the all-zones tests: which transitions to visit, and the comparison of {@link
 * CallingWindow} and {@link LocalRules} with {@link WallClockOracle} at every scanned instant.
 */
final class ZoneScans {

  static final Duration MINUTE = Duration.ofMinutes(1);

  /** Scanned before a transition; instants are checked only from {@link #CHECK_BEFORE} on. */
  static final Duration SCAN_BEFORE = Duration.ofHours(48);

  static final Duration CHECK_BEFORE = Duration.ofHours(36);
  static final Duration SCAN_AFTER = Duration.ofHours(36);

  static final EnumSet<DayOfWeek> ALL_DAYS = EnumSet.allOf(DayOfWeek.class);

  static final DailyWindow WEEKDAYS = window("09:00", "18:00", "1 2 3 4 5");
  static final DailyWindow OVERNIGHT = window("22:00", "02:00", "0 1 2 3 4 5 6");
  static final DailyWindow IN_GAP = window("02:30", "03:30", "0 1 2 3 4 5 6");
  static final DailyWindow MIDNIGHT = window("00:00", "01:00", "0 1 2 3 4 5 6");
  static final DailyWindow HOURS =
      LocalRules.callingHours(LocalTime.parse("08:00"), LocalTime.parse("21:00"));

  static final List<DailyWindow> SHAPES = List.of(WEEKDAYS, OVERNIGHT, IN_GAP, MIDNIGHT, HOURS);

  private ZoneScans() {}

  static DailyWindow window(String start, String end, String days) {
    return Windows.window(start, end, days);
  }

  static DailyWindow bounded(DailyWindow w, Instant notBefore, Instant notAfter) {
    return new DailyWindow(w.start(), w.end(), w.days(), notBefore, notAfter);
  }

  static List<ZoneId> allZones() {
    return ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();
  }

  /** Transition instants in {@code [from, to)}. */
  static List<Instant> transitions(ZoneId zone, Instant from, Instant to) {
    List<Instant> found = new ArrayList<>();
    ZoneOffsetTransition t = zone.getRules().nextTransition(from.minusNanos(1));
    while (t != null && t.getInstant().isBefore(to)) {
      found.add(t.getInstant());
      t = zone.getRules().nextTransition(t.getInstant());
    }
    return found;
  }

  static Instant year(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The grid must hold every transition and offset, or the oracle would not be exact. */
  static void assertOnGrid(ZoneId zone, Instant around, Duration step) {
    long s = step.getSeconds();
    assertThat(around.getEpochSecond() % s).as(zone + " " + around).isZero();
    assertThat(zone.getRules().getOffset(around).getTotalSeconds() % s)
        .as(zone + " offset at " + around)
        .isZero();
    assertThat(zone.getRules().getOffset(around.minusSeconds(1)).getTotalSeconds() % s)
        .as(zone + " offset before " + around)
        .isZero();
  }

  /**
   * Which scanned indices to check: every {@code stride}-th, plus every index within {@code radius}
   * of a transition of any zone involved, plus two either side of each change of the oracle's
   * answers (so a stride cannot hide an answer that changes at the wrong instant).
   */
  record Sampling(int from, int stride, int radius, List<Instant> transitions) {

    static Sampling every(int from) {
      return new Sampling(from, 1, 0, List.of());
    }

    boolean[] mask(Instant first, Duration step, boolean[]... answers) {
      int n = answers[0].length;
      boolean[] check = new boolean[n];
      for (int i = from; i < n; i += stride) {
        check[i] = true;
      }
      for (Instant t : transitions) {
        long at = Duration.between(first, t).toSeconds() / step.getSeconds();
        mark(check, at, radius);
      }
      for (boolean[] a : answers) {
        for (int i = 1; i < n; i++) {
          if (a[i] != a[i - 1]) {
            mark(check, i, 2);
          }
        }
      }
      return check;
    }

    private void mark(boolean[] check, long at, int radius) {
      for (long i = Math.max(from, at - radius); i <= at + radius && i < check.length; i++) {
        check[(int) i] = true;
      }
    }
  }

  /** Mismatches found, kept short; and a count of checks made. */
  static final class Failures {
    final ConcurrentLinkedQueue<String> found = new ConcurrentLinkedQueue<>();
    final AtomicLong checks = new AtomicLong();

    void add(String failure) {
      if (found.size() < 30) {
        found.add(failure);
      }
    }

    void assertNone() {
      assertThat(found).as("mismatches with the wall-clock oracle").isEmpty();
      assertThat(checks.get()).isPositive();
    }
  }

  /** CallingWindow.isOpen and nextOpen at the sampled indices. */
  static void checkWindow(
      DailyWindow w, ZoneId zone, WallClockOracle o, Sampling sampling, Failures failures) {
    boolean[] open = o.open(w);
    int[] next = WallClockOracle.nextTrue(open);
    boolean[] check = sampling.mask(o.first, o.step, open);
    long checks = 0;
    for (int i = sampling.from(); i < o.n; i++) {
      if (!check[i]) {
        continue;
      }
      checks++;
      Instant t = o.at(i);
      String context = w + " in " + zone + " at " + t + " (" + o.local(i) + ")";
      boolean isOpen = CallingWindow.isOpen(w, zone, t);
      if (isOpen != open[i]) {
        failures.add(context + ": isOpen " + isOpen + ", oracle " + open[i]);
        return;
      }
      Optional<Instant> got = CallingWindow.nextOpen(w, zone, t);
      if (!nextAgrees(got, next[i], o)) {
        failures.add(context + ": nextOpen " + got + ", oracle " + expected(next[i], o));
        return;
      }
    }
    failures.checks.addAndGet(checks);
  }

  /** LocalRules.blocking, isOpen and nextOpen at the sampled indices. */
  static void checkRules(
      LocalRules rules,
      List<ZoneId> callee,
      Instant first,
      Duration step,
      int n,
      Sampling sampling,
      Failures failures) {
    List<ZoneId> windowZones =
        rules.contactWindow() && !callee.isEmpty() ? callee : List.of(rules.campaignZone());
    List<ZoneId> hourZones = callee.isEmpty() ? List.of(rules.campaignZone()) : callee;
    boolean[] windowClosed = new boolean[n];
    for (ZoneId zone : windowZones) {
      WallClockOracle o = new WallClockOracle(zone, first, step, n);
      boolean[] open = o.open(rules.window());
      boolean[] blackout = o.onDates(rules.blackoutDates());
      for (int i = 0; i < n; i++) {
        windowClosed[i] |= !open[i] || blackout[i];
      }
    }
    boolean[] hoursClosed = new boolean[n];
    if (rules.callingHours() != null) {
      for (ZoneId zone : hourZones) {
        boolean[] open = new WallClockOracle(zone, first, step, n).open(rules.callingHours());
        for (int i = 0; i < n; i++) {
          hoursClosed[i] |= !open[i];
        }
      }
    }
    boolean[] open = new boolean[n];
    for (int i = 0; i < n; i++) {
      open[i] = !windowClosed[i] && !hoursClosed[i];
    }
    int[] next = WallClockOracle.nextTrue(open);
    Instant last = first.plus(step.multipliedBy(n - 1));
    boolean[] check = sampling.mask(first, step, windowClosed, hoursClosed);
    long checks = 0;
    for (int i = sampling.from(); i < n; i++) {
      if (!check[i]) {
        continue;
      }
      checks++;
      Instant t = first.plus(step.multipliedBy(i));
      String context = rules + " callee " + callee + " at " + t;
      Optional<LocalRules.Rule> want =
          windowClosed[i]
              ? Optional.of(LocalRules.Rule.WINDOW)
              : hoursClosed[i] ? Optional.of(LocalRules.Rule.CALLING_HOURS) : Optional.empty();
      Optional<LocalRules.Rule> got = rules.blocking(callee, t);
      if (!got.equals(want)) {
        failures.add(context + ": blocking " + got + ", oracle " + want);
        return;
      }
      if (rules.isOpen(callee, t) != open[i]) {
        failures.add(context + ": isOpen " + !open[i] + ", oracle " + open[i]);
        return;
      }
      Optional<Instant> nextOpen = rules.nextOpen(callee, t);
      boolean agrees =
          next[i] < n
              ? nextOpen.equals(Optional.of(first.plus(step.multipliedBy(next[i]))))
              : nextOpen.isEmpty() || nextOpen.get().isAfter(last);
      if (!agrees) {
        failures.add(
            context
                + ": nextOpen "
                + nextOpen
                + ", oracle "
                + (next[i] < n ? first.plus(step.multipliedBy(next[i])) : "after " + last));
        return;
      }
    }
    failures.checks.addAndGet(checks);
  }

  private static boolean nextAgrees(Optional<Instant> got, int next, WallClockOracle o) {
    if (next < o.n) {
      return got.equals(Optional.of(o.at(next)));
    }
    return got.isEmpty() || got.get().isAfter(o.at(o.n - 1));
  }

  private static String expected(int next, WallClockOracle o) {
    return next < o.n ? Objects.toString(o.at(next)) : "after " + o.at(o.n - 1);
  }
}
