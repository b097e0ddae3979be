package ai.agni.campaigns.campaign.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One frequency cap of an organization (docs/api.md §12): at most {@code maxCalls} dial attempts to
 * one number in any {@code perHours} hours. A window of {@code perHours} hours is half-open: a dial
 * exactly {@code perHours} after an earlier one no longer shares its window.
 */
public record FrequencyCap(int maxCalls, int perHours) {

  public FrequencyCap {
    if (maxCalls < 1 || perHours < 1) {
      throw new IllegalArgumentException("a cap needs maxCalls >= 1 and perHours >= 1");
    }
  }

  public Duration period() {
    return Duration.ofHours(perHours);
  }

  /**
   * The earliest instant at or after {@code from} at which one more dial keeps every cap, given the
   * number's earlier dials (none after {@code from}): {@code from} itself when no cap is full.
   */
  public static Instant nextFree(List<FrequencyCap> caps, Collection<Instant> dials, Instant from) {
    Instant free = from;
    for (FrequencyCap cap : caps) {
      List<Instant> recent = new ArrayList<>();
      Instant windowStart = from.minus(cap.period());
      for (Instant d : dials) {
        if (d.isAfter(windowStart) && !d.isAfter(from)) {
          recent.add(d);
        }
      }
      if (recent.size() >= cap.maxCalls()) {
        recent.sort(null);
        // why this dial: once it leaves the window, maxCalls - 1 remain and one more fits.
        Instant leaves = recent.get(recent.size() - cap.maxCalls()).plus(cap.period());
        free = leaves.isAfter(free) ? leaves : free;
      }
    }
    return free;
  }

  /** The longest period of these caps (how far back dials matter), or zero without caps. */
  public static Duration longest(List<FrequencyCap> caps) {
    return caps.stream().map(FrequencyCap::period).max(Duration::compareTo).orElse(Duration.ZERO);
  }
}
