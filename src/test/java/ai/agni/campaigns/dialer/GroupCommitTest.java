package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Group commit that loses nothing: items whose write fails while the database is away are kept and
 * written once it answers, each exactly once; one bad item does not hold the others back.
 */
class GroupCommitTest {

  private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
  private final ManualTaskTimer timer = new ManualTaskTimer();

  /** A writer over a database that can be taken away; it remembers what it wrote. */
  private static final class Store {
    boolean down;
    final Set<String> poison = new HashSet<>();
    final List<String> written = new ArrayList<>();
    int tries;

    void write(List<String> batch) {
      tries++;
      if (down) {
        throw new CannotGetJdbcConnectionException("connection refused");
      }
      for (String item : batch) {
        if (poison.contains(item)) {
          throw new DataIntegrityViolationException("bad item " + item);
        }
      }
      written.addAll(batch);
    }
  }

  private GroupCommit<String> commit(Store store) {
    return new GroupCommit<>("items", 100, Runnable::run, timer, clock, store::write);
  }

  @Test
  void itemsThatArriveWhileTheDatabaseIsDownAreWrittenOnceWhenItAnswers() {
    Store store = new Store();
    GroupCommit<String> commit = commit(store);
    store.down = true;
    commit.submit("a");
    commit.submit("b");
    commit.submit("c");

    assertThat(store.written).isEmpty();
    assertThat(commit.unwritten()).containsExactlyInAnyOrder("a", "b", "c");
    timer.advance(clock, Duration.ofSeconds(30));
    assertThat(store.written).isEmpty();
    assertThat(store.tries).as("retried with back-off, not in a busy loop").isBetween(5, 15);

    store.down = false;
    timer.advance(clock, Duration.ofSeconds(5));
    assertThat(store.written).containsExactly("a", "b", "c");
    assertThat(commit.unwritten()).isEmpty();
    assertThat(commit.isEmpty()).isTrue();
    timer.advance(clock, Duration.ofMinutes(1));
    assertThat(store.written).as("nothing written twice").hasSize(3);
  }

  @Test
  void backOffDoublesFromAHundredMillisecondsToFiveSeconds() {
    assertThat(GroupCommit.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(GroupCommit.backoff(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(GroupCommit.backoff(6)).isEqualTo(Duration.ofMillis(3200));
    assertThat(GroupCommit.backoff(7)).isEqualTo(Duration.ofSeconds(5));
    assertThat(GroupCommit.backoff(500)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aWriteDuringTheBackOffWaitsForItAndRetryNowEndsIt() {
    Store store = new Store();
    GroupCommit<String> commit = commit(store);
    store.down = true;
    commit.submit("a");
    store.down = false;
    commit.submit("b");
    assertThat(store.written).as("b waits behind the back-off").isEmpty();

    commit.retryNow();
    assertThat(store.written).containsExactly("a", "b");
  }

  @Test
  void aBadItemIsIsolatedAndTheOthersAreWritten() {
    Store store = new Store();
    store.poison.add("bad");
    GroupCommit<String> commit = commit(store);
    store.down = true;
    for (String item : List.of("a", "bad", "c", "d")) {
      commit.submit(item);
    }
    store.down = false;
    timer.advance(clock, Duration.ofSeconds(3));

    assertThat(store.written).containsExactlyInAnyOrder("a", "c", "d");
    assertThat(commit.unwritten()).containsExactly("bad");
    store.poison.clear();
    timer.advance(clock, Duration.ofSeconds(10));
    assertThat(store.written).containsExactlyInAnyOrder("a", "c", "d", "bad");
    assertThat(commit.isEmpty()).isTrue();
  }

  @Test
  void anItemThatNeverWritesIsGivenUpAfterTenFailuresWhileTheOthersAreWritten() {
    Store store = new Store();
    store.poison.add("bad");
    GroupCommit<String> commit = commit(store);
    commit.submit("bad");
    commit.submit("a");
    timer.advance(clock, Duration.ofMinutes(2));
    commit.submit("b");
    timer.advance(clock, Duration.ofMinutes(1));

    assertThat(store.written).containsExactlyInAnyOrder("a", "b");
    assertThat(commit.unwritten()).as("given up, left to the lease reaper").isEmpty();
  }
}
