package ai.agni.campaigns.campaign.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the operator sees of a window at one instant (docs/api.md §13): whether it is open, and if
 * not, the next instant it opens. Only the schedule is judged here (bounds, weekdays, wall-clock
 * hours in the zone), never the campaign's status: "the window is open now" means a running
 * campaign may dial now.
 *
 * @param open whether {@link CallingWindow#isOpen} holds at the instant
 * @param nextOpen the next opening after the instant; null while open, and null when the window
 *     never opens again (the end has passed, or comes before the next opening)
 */
public record WindowStatus(boolean open, Instant nextOpen) {

  /** The status of {@code window} in {@code zone} at {@code at}. */
  public static WindowStatus of(DailyWindow window, ZoneId zone, Instant at) {
    if (CallingWindow.isOpen(window, zone, at)) {
      return new WindowStatus(true, null);
    }
    return new WindowStatus(false, CallingWindow.nextOpen(window, zone, at).orElse(null));
  }

  /**
   * The status of a campaign's rules at {@code at} for no callee in particular: judged in the
   * campaign's own zone, blackout dates included (callees' zones are each contact's own wait).
   */
  public static WindowStatus of(LocalRules rules, Instant at) {
    if (rules.isOpen(List.of(), at)) {
      return new WindowStatus(true, null);
    }
    return new WindowStatus(false, rules.nextOpen(List.of(), at).orElse(null));
  }

  /** A schedule that cannot be read (written around the API): never open, no known opening. */
  public static WindowStatus unknown() {
    return new WindowStatus(false, null);
  }
}
