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

  @Test
  void everyCombinationFollowsTheRulesInOrder() {
    int checked = 0;
    for (QueueState state : QueueState.values()) {
      for (boolean active : new boolean[] {false, true}) {
        for (boolean open : new boolean[] {false, true}) {
          for (Instant next : NEXT) {
            for (boolean full : new boolean[] {false, true}) {
              WaitingFor.CampaignNow campaign = new WaitingFor.CampaignNow(active, open, NOW);
              WaitingFor got = WaitingFor.of(state, next, campaign, full);
              assertThat(got)
                  .as("%s active=%s open=%s next=%s full=%s", state, active, open, next, full)
                  .isEqualTo(expected(state, active, open, next, full));
              assertThat(WaitingFor.needsCapacity(state, next, campaign))
                  .isEqualTo(
                      state == QueueState.PENDING
                          && active
                          && open
                          && (next == null || !next.isAfter(NOW)));
              checked++;
            }
          }
        }
      }
    }
    assertThat(checked).isEqualTo(5 * 2 * 2 * 4 * 2);
  }

  private static WaitingFor expected(
      QueueState state, boolean active, boolean open, Instant next, boolean full) {
    if (state != QueueState.PENDING || !active) {
      return null;
    }
    if (next != null && next.isAfter(NOW)) {
      return WaitingFor.RETRY_GAP;
    }
    if (!open) {
      return WaitingFor.WINDOW;
    }
    return full ? WaitingFor.CAPACITY : null;
  }

  @Test
  void namedCases() {
    WaitingFor.CampaignNow openActive = new WaitingFor.CampaignNow(true, true, NOW);
    WaitingFor.CampaignNow closedActive = new WaitingFor.CampaignNow(true, false, NOW);
    WaitingFor.CampaignNow paused = new WaitingFor.CampaignNow(false, true, NOW);
    assertThat(WaitingFor.of(QueueState.PENDING, null, openActive, false))
        .as("due in an open window with room: about to be dialed")
        .isNull();
    assertThat(WaitingFor.of(QueueState.PENDING, null, closedActive, false))
        .isEqualTo(WaitingFor.WINDOW);
    assertThat(WaitingFor.of(QueueState.PENDING, NOW.plusSeconds(1), closedActive, true))
        .as("a retry not yet due waits for its gap, even while the window is closed")
        .isEqualTo(WaitingFor.RETRY_GAP);
    assertThat(WaitingFor.of(QueueState.PENDING, NOW, openActive, true))
        .as("a retry due exactly now is due")
        .isEqualTo(WaitingFor.CAPACITY);
    assertThat(WaitingFor.of(QueueState.PENDING, null, paused, true))
        .as("a paused campaign's status says why")
        .isNull();
    assertThat(WaitingFor.of(QueueState.IN_PROGRESS, null, openActive, true)).isNull();
    assertThat(WaitingFor.of(QueueState.FAILED, NOW.plusSeconds(5), closedActive, true)).isNull();
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
