package ai.agni.campaigns.campaign.schedule;

import static ai.agni.campaigns.campaign.schedule.Windows.at;
import static ai.agni.campaigns.campaign.schedule.Windows.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The next attempt: gap after the end of the last one, moved into the window, while any remain. */
class RetryPolicyTest {

  private static final DailyWindow WEEKDAYS = window("09:00", "18:00", "1 2 3 4 5");
  private static final ZoneId UTC = ZoneOffset.UTC;

  @ParameterizedTest(name = "attempt {0} of 1+{1}, gap {2} min after {3} -> {4}")
  @CsvSource({
    "1, 2, 30, 2026-03-16T10:00Z, 2026-03-16T10:30Z",
    "2, 2, 30, 2026-03-16T10:00Z, 2026-03-16T10:30Z",
    "1, 2, 30, 2026-03-16T17:45Z, 2026-03-17T09:00Z",
    "1, 2, 30, 2026-03-16T17:30Z, 2026-03-17T09:00Z",
    "1, 2, 30, 2026-03-16T17:29:59Z, 2026-03-16T17:59:59Z",
    "1, 2, 30, 2026-03-20T17:45Z, 2026-03-23T09:00Z",
    "1, 2, 1, 2026-03-16T08:00Z, 2026-03-16T09:00Z",
    "1, 10, 10080, 2026-03-16T10:00Z, 2026-03-23T10:00Z",
    "1, 2, 600, 2026-03-16T10:00Z, 2026-03-17T09:00Z",
  })
  void nextAttempt(int made, int retries, int gapMin, String endedAt, String next) {
    assertThat(RetryPolicy.nextAttemptAt(made, retries, gapMin, at(endedAt), WEEKDAYS, UTC))
        .contains(at(next));
  }

  @ParameterizedTest(name = "attempt {0} of 1+{1} is the last")
  @CsvSource({"1, 0", "3, 2", "4, 2", "11, 10"})
  void noAttemptsLeft(int made, int retries) {
    assertThat(RetryPolicy.nextAttemptAt(made, retries, 30, at("2026-03-16T10:00Z"), WEEKDAYS, UTC))
        .isEmpty();
  }

  @Test
  void noWindowBeforeTheEndMeansNoRetry() {
    DailyWindow ending = window("09:00", "18:00", "1 2 3 4 5", null, at("2026-03-16T17:50Z"));
    assertThat(RetryPolicy.nextAttemptAt(1, 2, 30, at("2026-03-16T17:30Z"), ending, UTC)).isEmpty();
    assertThat(RetryPolicy.nextAttemptAt(1, 2, 30, at("2026-03-16T17:00Z"), ending, UTC))
        .contains(at("2026-03-16T17:30Z"));
  }

  @Test
  void aRetryOverTheDstWeekendLandsOnLocalOpening() {
    ZoneId newYork = ZoneId.of("America/New_York");
    assertThat(RetryPolicy.nextAttemptAt(1, 2, 30, at("2026-03-06T17:50-05:00"), WEEKDAYS, newYork))
        .contains(at("2026-03-09T09:00-04:00"));
  }

  @Test
  void aRetryMovesToTheCalleesOwnWindowAndCallingHours() {
    LocalRules inContactTime =
        new LocalRules(
            WEEKDAYS,
            UTC,
            true,
            new java.util.TreeSet<>(),
            LocalRules.callingHours(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(21, 0)));
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    // 17:45 in Tokyo on a Monday + 30 min = 18:15, after the window: Tuesday 09:00 Tokyo.
    assertThat(
            RetryPolicy.nextAttemptAt(
                1, 2, 30, at("2026-03-16T08:45Z"), inContactTime, java.util.List.of(tokyo)))
        .contains(at("2026-03-17T00:00Z"));
    LocalRules hoursOnly =
        new LocalRules(
            window("00:00", "23:59", "0 1 2 3 4 5 6"),
            UTC,
            false,
            new java.util.TreeSet<>(),
            LocalRules.callingHours(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(21, 0)));
    // The campaign's window is open all day; calling hours in Tokyo open at 08:00 (23:00 UTC).
    assertThat(
            RetryPolicy.nextAttemptAt(
                1, 2, 10, at("2026-03-16T12:00Z"), hoursOnly, java.util.List.of(tokyo)))
        .contains(at("2026-03-16T23:00Z"));
  }
}
