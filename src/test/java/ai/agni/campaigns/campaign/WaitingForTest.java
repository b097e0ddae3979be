package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.queue.QueueState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code waitingFor} of docs/api.md §13, over every combination of its inputs. */
class WaitingForTest {

  private static final Instant NOW = Instant.parse("2026-03-16T10:00:00Z");

  /** The next attempt instants that matter: none (first attempt), past, now, future. */
  private static final List<Instant> NEXT =
      Arrays.asList(null, NOW.minusSeconds(60), NOW, NOW.plusSeconds(60));

  private static final String[] REASONS = {null, "frequency_cap", "capacity", "calling_hours"};

  private static final WaitingFor[] CLOSED = {null, WaitingFor.WINDOW, WaitingFor.CALLING_HOURS};

  @Test
  void everyCombinationFollowsTheRulesInOrder() {
    int checked = 0;
    for (QueueState state : QueueState.values()) {
      for (boolean active : new boolean[] {false, true}) {
        for (WaitingFor closedBy : CLOSED) {
          for (Instant next : NEXT) {
            for (String reason : REASONS) {
              for (boolean full : new boolean[] {false, true}) {
                WaitingFor.CampaignNow campaign = new WaitingFor.CampaignNow(active, NOW);
                WaitingFor.ContactNow contact =
                    new WaitingFor.ContactNow(state, next, reason, closedBy);
                WaitingFor got = WaitingFor.of(contact, campaign, full);
                assertThat(got)
                    .as(
                        "%s active=%s closedBy=%s next=%s reason=%s full=%s",
                        state, active, closedBy, next, reason, full)
                    .isEqualTo(expected(state, active, closedBy, next, reason, full));
                assertThat(WaitingFor.needsCapacity(contact, campaign))
                    .isEqualTo(
                        state == QueueState.PENDING
                            && active
                            && closedBy == null
                            && (next == null || !next.isAfter(NOW)));
                checked++;
              }
            }
          }
        }
      }
    }
    assertThat(checked).isEqualTo(5 * 2 * 3 * 4 * 4 * 2);
  }

  private static WaitingFor expected(
      QueueState state,
      boolean active,
      WaitingFor closedBy,
      Instant next,
      String reason,
      boolean full) {
    if (state != QueueState.PENDING || !active) {
      return null;
    }
    if (next != null && next.isAfter(NOW)) {
      if (reason == null) {
        return WaitingFor.RETRY_GAP;
      }
      return switch (reason) {
        case "frequency_cap" -> WaitingFor.FREQUENCY_CAP;
        case "capacity" -> WaitingFor.CAPACITY;
        case "calling_hours" -> WaitingFor.CALLING_HOURS;
        default -> throw new AssertionError(reason);
      };
    }
    if (closedBy != null) {
      return closedBy;
    }
    return full ? WaitingFor.CAPACITY : null;
  }

  private static WaitingFor.ContactNow pending(Instant next, String reason, WaitingFor closedBy) {
    return new WaitingFor.ContactNow(QueueState.PENDING, next, reason, closedBy);
  }

  @Test
  void namedCases() {
    WaitingFor.CampaignNow active = new WaitingFor.CampaignNow(true, NOW);
    WaitingFor.CampaignNow paused = new WaitingFor.CampaignNow(false, NOW);
    assertThat(WaitingFor.of(pending(null, null, null), active, false))
        .as("due in an open window with room: about to be dialed")
        .isNull();
    assertThat(WaitingFor.of(pending(null, null, WaitingFor.WINDOW), active, false))
        .isEqualTo(WaitingFor.WINDOW);
    assertThat(WaitingFor.of(pending(null, null, WaitingFor.CALLING_HOURS), active, true))
        .as("the organization's calling hours in the contact's own time")
        .isEqualTo(WaitingFor.CALLING_HOURS);
    assertThat(WaitingFor.of(pending(NOW.plusSeconds(1), null, WaitingFor.WINDOW), active, true))
        .as("a retry not yet due waits for its gap, even while the window is closed")
        .isEqualTo(WaitingFor.RETRY_GAP);
    assertThat(WaitingFor.of(pending(NOW.plusSeconds(60), "frequency_cap", null), active, false))
        .as("moved by a frequency cap: the cap says why")
        .isEqualTo(WaitingFor.FREQUENCY_CAP);
    assertThat(WaitingFor.of(pending(NOW, "frequency_cap", null), active, false))
        .as("once the cap's instant has come it is due again")
        .isNull();
    assertThat(WaitingFor.of(pending(NOW, null, null), active, true))
        .as("a retry due exactly now is due")
        .isEqualTo(WaitingFor.CAPACITY);
    assertThat(WaitingFor.of(pending(null, null, WaitingFor.WINDOW), paused, true))
        .as("a paused campaign's status says why")
        .isNull();
    assertThat(
            WaitingFor.of(
                new WaitingFor.ContactNow(QueueState.IN_PROGRESS, null, null, null), active, true))
        .isNull();
  }

  @Test
  void wireNamesAreTheContractsValues() {
    List<String> names = new ArrayList<>();
    for (WaitingFor w : WaitingFor.values()) {
      names.add(w.wire());
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "window", "retry_gap", "frequency_cap", "calling_hours", "capacity");
  }
}
