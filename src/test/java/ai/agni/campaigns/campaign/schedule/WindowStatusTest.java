package ai.agni.campaigns.campaign.schedule;

import static ai.agni.campaigns.campaign.schedule.Windows.at;
import static ai.agni.campaigns.campaign.schedule.Windows.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The operator's view of a window (docs/api.md §13): open now, or when it next opens. */
class WindowStatusTest {

  @ParameterizedTest(name = "{0} {1}-{2} days [{3}] at {4} -> open {5}, next {6}")
  @CsvSource(
      nullValues = "null",
      value = {
        // Open: no next opening is shown.
        "UTC, 09:00, 18:00, 1 2 3 4 5, 2026-03-16T10:00Z, true, null",
        "UTC, 09:00, 18:00, 1 2 3 4 5, 2026-03-16T09:00Z, true, null",
        // Closed before today's start, after today's end (the end is exclusive).
        "UTC, 09:00, 18:00, 1 2 3 4 5, 2026-03-16T08:00Z, false, 2026-03-16T09:00Z",
        "UTC, 09:00, 18:00, 1 2 3 4 5, 2026-03-16T18:00Z, false, 2026-03-17T09:00Z",
        // Closed on an excluded weekday: Saturday, then Monday's opening.
        "UTC, 09:00, 18:00, 1 2 3 4 5, 2026-03-21T10:00Z, false, 2026-03-23T09:00Z",
        "UTC, 09:00, 18:00, 1 2 3 4 5, 2026-03-20T18:30Z, false, 2026-03-23T09:00Z",
        // Overnight window of Friday: open after midnight on Saturday, closed at its end.
        "UTC, 22:00, 02:00, 5, 2026-03-20T23:00Z, true, null",
        "UTC, 22:00, 02:00, 5, 2026-03-21T01:59Z, true, null",
        "UTC, 22:00, 02:00, 5, 2026-03-21T02:00Z, false, 2026-03-27T22:00Z",
        "UTC, 22:00, 02:00, 5, 2026-03-20T21:00Z, false, 2026-03-20T22:00Z",
        // DST gap day in New York: 02:30 does not exist, the window opens at 03:00 EDT.
        "America/New_York, 02:30, 05:00, 0, 2026-03-08T01:59-05:00, false, 2026-03-08T03:00-04:00",
        "America/New_York, 02:30, 05:00, 0, 2026-03-08T03:00-04:00, true, null",
        // DST overlap in New York: 01:30 is reached at its first occurrence.
        "America/New_York, 01:30, 04:00, 0, 2026-11-01T00:00-04:00, false, 2026-11-01T01:30-04:00",
        // A time zone: Dubai is UTC+4, its 09:00 is 05:00Z.
        "Asia/Dubai, 09:00, 18:00, 1 2 3 4 5, 2026-03-16T04:30Z, false, 2026-03-16T05:00Z",
        "Asia/Dubai, 09:00, 18:00, 1 2 3 4 5, 2026-03-16T05:00Z, true, null",
        "Asia/Dubai, 09:00, 18:00, 1 2 3 4 5, 2026-03-16T14:00Z, false, 2026-03-17T05:00Z",
        // Sunday in Dubai already, Saturday 23:00 in UTC.
        "Asia/Dubai, 09:00, 18:00, 0, 2026-03-21T23:00Z, false, 2026-03-22T05:00Z",
      })
  void status(
      String zone, String start, String end, String days, String now, boolean open, String next) {
    WindowStatus status = WindowStatus.of(window(start, end, days), ZoneId.of(zone), at(now));
    assertThat(status.open()).isEqualTo(open);
    assertThat(status.nextOpen()).isEqualTo(next == null ? null : at(next));
  }

  @Test
  void closedBeforeTheScheduleStartOpensAtTheStartWhenThatIsInsideTheWindow() {
    DailyWindow w = window("09:00", "18:00", "1 2 3 4 5", at("2026-03-18T12:00Z"), null);
    WindowStatus status = WindowStatus.of(w, ZoneId.of("UTC"), at("2026-03-16T10:00Z"));
    assertThat(status).isEqualTo(new WindowStatus(false, at("2026-03-18T12:00Z")));
  }

  @Test
  void closedBeforeTheScheduleStartOpensAtTheFirstWindowAfterIt() {
    DailyWindow w = window("09:00", "18:00", "1 2 3 4 5", at("2026-03-18T19:00Z"), null);
    WindowStatus status = WindowStatus.of(w, ZoneId.of("UTC"), at("2026-03-16T10:00Z"));
    assertThat(status).isEqualTo(new WindowStatus(false, at("2026-03-19T09:00Z")));
  }

  @Test
  void afterTheScheduleEndThereIsNoNextOpening() {
    DailyWindow w = window("09:00", "18:00", "1 2 3 4 5", null, at("2026-03-16T12:00Z"));
    ZoneId utc = ZoneId.of("UTC");
    assertThat(WindowStatus.of(w, utc, at("2026-03-16T11:59Z")).open()).isTrue();
    assertThat(WindowStatus.of(w, utc, at("2026-03-16T12:00Z")))
        .as("the end itself is closed")
        .isEqualTo(new WindowStatus(false, null));
    assertThat(WindowStatus.of(w, utc, at("2026-03-20T10:00Z")))
        .isEqualTo(new WindowStatus(false, null));
  }

  @Test
  void anEndBeforeTheNextOpeningMeansNoNextOpening() {
    DailyWindow w = window("09:00", "18:00", "1 2 3 4 5", null, at("2026-03-17T08:00Z"));
    assertThat(WindowStatus.of(w, ZoneId.of("UTC"), at("2026-03-16T19:00Z")))
        .isEqualTo(new WindowStatus(false, null));
  }

  @Test
  void anUnreadableScheduleIsClosedWithNoOpening() {
    assertThat(WindowStatus.unknown()).isEqualTo(new WindowStatus(false, (Instant) null));
  }
}
