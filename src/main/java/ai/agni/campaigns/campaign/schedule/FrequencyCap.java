package ai.agni.campaigns.campaign.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One frequency cap of an organization (docs/api.md §12): at most {@code maxCalls} dial attempts to
 * one number in any {@code perHours} hours. A window of {@code perHours} hours is half-open: a dial
 * exactly {@code perHours} after an earlier one no longer shares its window.
 */
public record FrequencyCap(int maxCalls, int perHours) {

  /** The largest {@code maxCalls} and {@code perHours} (a year) a cap may have. */
  public static final int MAX_CALLS = 10_000;

  public static final int MAX_HOURS = 8_760;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public FrequencyCap {
    if (maxCalls < 1 || maxCalls > MAX_CALLS || perHours < 1 || perHours > MAX_HOURS) {
      throw new IllegalArgumentException(
          "frequency cap out of range: " + maxCalls + "/" + perHours);
    }
  }

  /**
   * The stored form of an organization's caps, as the API shows them: {@code
   * [{"max_calls":2,"per_hours":24}]}, compact, keys in this order, {@code []} for none.
   */
  public static String toJson(List<FrequencyCap> caps) {
    StringBuilder out = new StringBuilder("[");
    for (FrequencyCap cap : caps) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append("{\"max_calls\":")
          .append(cap.maxCalls())
          .append(",\"per_hours\":")
          .append(cap.perHours())
          .append('}');
    }
    return out.append(']').toString();
  }

  /**
   * The caps of their stored form ({@link #toJson}); null or blank is none.
   *
   * @throws IllegalArgumentException when the text is not such a list
   */
  public static List<FrequencyCap> parseJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    List<FrequencyCap> caps = new ArrayList<>();
    try {
      for (JsonNode cap : JSON.readTree(json)) {
        caps.add(new FrequencyCap(cap.get("max_calls").asInt(), cap.get("per_hours").asInt()));
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a list of frequency caps: " + json, e);
    }
    return List.copyOf(caps);
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
