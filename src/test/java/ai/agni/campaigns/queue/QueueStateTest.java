package ai.agni.campaigns.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The queue's transition table, every pair of states. */
class QueueStateTest {

  static final Set<String> ALLOWED =
      Set.of(
          "PENDING>IN_PROGRESS",
          "IN_PROGRESS>PENDING",
          "IN_PROGRESS>SUCCESSFUL",
          "IN_PROGRESS>NO_ANSWER",
          "IN_PROGRESS>FAILED");

  @Test
  void everyPairIsAllowedExactlyWhenTheTableSaysSo() {
    for (QueueState from : QueueState.values()) {
      for (QueueState to : QueueState.values()) {
        boolean expected = ALLOWED.contains(from + ">" + to);
        assertThat(QueueState.isAllowed(from, to)).as("%s -> %s", from, to).isEqualTo(expected);
        if (!expected) {
          assertThatThrownBy(() -> QueueState.check(from, to))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("Indicates a bug");
        }
      }
    }
  }

  @Test
  void finalStatesNeverMoveAndWireValuesRoundTrip() {
    assertThat(EnumSet.allOf(QueueState.class).stream().filter(QueueState::isFinal))
        .containsExactlyInAnyOrder(QueueState.SUCCESSFUL, QueueState.NO_ANSWER, QueueState.FAILED);
    for (QueueState state : QueueState.values()) {
      assertThat(QueueState.parse(state.wire())).isEqualTo(state);
    }
    assertThat(QueueState.parse("done")).isNull();
  }

  @Test
  void aMoveChangesTwoCountersAndNothingElse() {
    StatsDelta delta = new StatsDelta().move(QueueState.PENDING, QueueState.IN_PROGRESS);
    assertThat(delta.of(QueueState.PENDING)).isEqualTo(-1);
    assertThat(delta.of(QueueState.IN_PROGRESS)).isEqualTo(1);
    assertThat(delta.total()).isZero();
    assertThat(delta.isEmpty()).isFalse();
    assertThat(
            new StatsDelta()
                .move(QueueState.PENDING, QueueState.IN_PROGRESS)
                .move(QueueState.IN_PROGRESS, QueueState.PENDING)
                .isEmpty())
        .isTrue();
  }
}
