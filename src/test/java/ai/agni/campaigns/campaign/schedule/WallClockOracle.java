package ai.agni.campaigns.campaign.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * An oracle for window tests that shares no code with {@link CallingWindow}: it scans instants at a
 * fixed step, reads each one's wall clock with {@link LocalDateTime#ofInstant} and decides "open"
 * straight from the documented semantics (day {@code D}'s span opens at the first scanned instant
 * whose local date-time is at least {@code D.atTime(start)} and closes at the first whose local
 * date-time is at least {@code D(+1).atTime(end)}).
 *
 * <p>Exact when every transition, offset and window time lies on the step's grid (minutes for the
 * zones of today, 15 minutes for all of 2026-2027 but for St John's). A span that opened before the
 * first scanned instant is seen late, so callers check only instants at least a day after it.
 */
final class WallClockOracle {

  final Instant first;
  final Duration step;
  final int n;
  private final LocalDateTime[] local;

  /** The running maximum of {@link #local}: monotonic, so "first reaching" is a binary search. */
  private final LocalDateTime[] reachedSoFar;

  WallClockOracle(ZoneId zone, Instant first, Duration step, int n) {
    this.first = first;
    this.step = step;
    this.n = n;
    this.local = new LocalDateTime[n];
    this.reachedSoFar = new LocalDateTime[n];
    LocalDateTime max = null;
    for (int i = 0; i < n; i++) {
      local[i] = LocalDateTime.ofInstant(at(i), zone);
      max = max == null || local[i].isAfter(max) ? local[i] : max;
      reachedSoFar[i] = max;
    }
  }

  Instant at(int i) {
    return first.plus(step.multipliedBy(i));
  }

  LocalDateTime local(int i) {
    return local[i];
  }

  /** The first index whose local date-time is {@code x} or later; {@code n} when none is. */
  int firstReaching(LocalDateTime x) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (reachedSoFar[mid].isBefore(x)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Whether the window is open at each scanned instant. */
  boolean[] open(DailyWindow window) {
    boolean[] open = new boolean[n];
    boolean overnight = window.start().isAfter(window.end());
    LocalDate lastDay = reachedSoFar[n - 1].toLocalDate().plusDays(1);
    for (LocalDate day = minDate().minusDays(2); !day.isAfter(lastDay); day = day.plusDays(1)) {
      if (!window.days().contains(day.getDayOfWeek())) {
        continue;
      }
      int opens = firstReaching(day.atTime(window.start()));
      int closes = firstReaching((overnight ? day.plusDays(1) : day).atTime(window.end()));
      for (int i = opens; i < closes; i++) {
        open[i] = true;
      }
    }
    for (int i = 0; i < n; i++) {
      Instant t = at(i);
      if (window.notBefore() != null && t.isBefore(window.notBefore())) {
        open[i] = false;
      }
      if (window.notAfter() != null && !t.isBefore(window.notAfter())) {
        open[i] = false;
      }
    }
    return open;
  }

  /** Whether the local date of each scanned instant is one of {@code dates}. */
  boolean[] onDates(Set<LocalDate> dates) {
    boolean[] on = new boolean[n];
    for (int i = 0; i < n; i++) {
      on[i] = dates.contains(local[i].toLocalDate());
    }
    return on;
  }

  private LocalDate minDate() {
    LocalDate min = local[0].toLocalDate();
    for (LocalDateTime l : local) {
      min = l.toLocalDate().isBefore(min) ? l.toLocalDate() : min;
    }
    return min;
  }

  /** For each index, the first index at or after it where {@code open} holds; {@code n} if none. */
  static int[] nextTrue(boolean[] open) {
    int[] next = new int[open.length];
    int upcoming = open.length;
    for (int i = open.length - 1; i >= 0; i--) {
      if (open[i]) {
        upcoming = i;
      }
      next[i] = upcoming;
    }
    return next;
  }
}
