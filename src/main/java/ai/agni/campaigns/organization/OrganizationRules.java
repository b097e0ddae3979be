package ai.agni.campaigns.organization;

import ai.agni.campaigns.campaign.schedule.FrequencyCap;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * The organization's guards on every call it places (docs/api.md §12.2): calling hours judged in
 * the callee's local time (null: none) and frequency caps per callee number across all its
 * campaigns and single calls (empty: none).
 */
public record OrganizationRules(CallingHours callingHours, List<FrequencyCap> frequencyCaps) {

  /** At most this many frequency caps. */
  public static final int MAX_FREQUENCY_CAPS = 5;

  /** No calling hours, no caps: what a new organization has. */
  public static final OrganizationRules NONE = new OrganizationRules(null, List.of());

  public OrganizationRules {
    frequencyCaps = List.copyOf(frequencyCaps);
  }

  /**
   * Calls only from {@code start} to {@code end} local time; {@code start > end} is an overnight
   * guard. Never empty: start and end differ.
   */
  public record CallingHours(LocalTime start, LocalTime end) {

    public CallingHours {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (start.equals(end)) {
        throw new IllegalArgumentException("calling hours start and end must differ");
      }
    }
  }
}
