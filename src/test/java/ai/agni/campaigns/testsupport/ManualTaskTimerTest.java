package ai.agni.campaigns.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stepped timer the engine tests rely on. */
class ManualTaskTimerTest {

  private static final Instant T0 = Instant.parse("2026-03-16T09:00:00Z");

  private final ManualTaskTimer timer = new ManualTaskTimer();
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsDueTasksInTimeOrderThenSchedulingOrder() {
    timer.schedule(T0.plusSeconds(2), () -> ran.add("c"));
    timer.schedule(T0, () -> ran.add("a"));
    timer.schedule(T0.plusSeconds(1), () -> ran.add("b1"));
    timer.schedule(T0.plusSeconds(1), () -> ran.add("b2"));
    timer.schedule(T0.plusSeconds(3), () -> ran.add("d"));

    assertThat(timer.runDue(T0.plusSeconds(2))).isEqualTo(4);

    assertThat(ran).containsExactly("a", "b1", "b2", "c");
    assertThat(timer.pending()).isEqualTo(1);
    assertThat(timer.nextDueAt()).contains(T0.plusSeconds(3));
  }

  @Test
  void runsTasksScheduledByDueTasksWhenTheyAreDueToo() {
    timer.schedule(
        T0,
        () -> {
          ran.add("first");
          timer.schedule(T0.plusSeconds(1), () -> ran.add("chained"));
          timer.schedule(T0.plusSeconds(10), () -> ran.add("later"));
        });

    timer.runDue(T0.plusSeconds(5));

    assertThat(ran).containsExactly("first", "chained");
    assertThat(timer.nextDueAt()).contains(T0.plusSeconds(10));
  }

  @Test
  void nothingRunsBeforeItsTimeAndAnEmptyTimerHasNoNextDue() {
    assertThat(timer.nextDueAt()).isEmpty();
    timer.schedule(T0, () -> ran.add("a"));
    assertThat(timer.runDue(T0.minusMillis(1))).isZero();
    assertThat(ran).isEmpty();
    assertThat(timer.runDue(T0)).isEqualTo(1);
    assertThat(timer.pending()).isZero();
  }

  @Test
  void runUntilShowsEachTaskItsDueTimeOnTheClock() {
    MutableClock clock = new MutableClock(T0);
    List<Instant> seen = new ArrayList<>();
    timer.schedule(T0.plusSeconds(5), () -> seen.add(clock.instant()));
    timer.schedule(T0.plusSeconds(1), () -> seen.add(clock.instant()));

    timer.advance(clock, Duration.ofSeconds(10));

    assertThat(seen).containsExactly(T0.plusSeconds(1), T0.plusSeconds(5));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(10));
  }
}
