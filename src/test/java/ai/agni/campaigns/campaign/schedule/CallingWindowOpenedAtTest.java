package ai.agni.campaigns.campaign.schedule;

import static ai.agni.campaigns.campaign.schedule.Windows.at;
import static ai.agni.campaigns.campaign.schedule.Windows.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the window open at an instant opened (the start of the dial lag's count). */
class CallingWindowOpenedAtTest {

  @ParameterizedTest(name = "{0} {1}-{2} days [{3}] at {4} opened {5}")
  @CsvSource({
    "UTC, 09:00, 18:00, 1 2 3 4 5, 2026-03-16T10:00Z, 2026-03-16T09:00Z",
    "UTC, 09:00, 18:00, 1 2 3 4 5, 2026-03-16T09:00Z, 2026-03-16T09:00Z",
    "UTC, 22:00, 02:00, 5, 2026-03-21T01:00Z, 2026-03-20T22:00Z",
    "America/New_York, 02:30, 05:00, 0, 2026-03-08T04:00-04:00, 2026-03-08T03:00-04:00",
    "Asia/Dubai, 09:00, 18:00, 1, 2026-03-16T06:00Z, 2026-03-16T05:00Z",
  })
  void openedAt(String zone, String start, String end, String days, String now, String opened) {
    assertThat(CallingWindow.openedAt(window(start, end, days), ZoneId.of(zone), at(now)))
        .contains(at(opened));
  }

  @Test
  void closedHasNoOpening() {
    assertThat(
            CallingWindow.openedAt(
                window("09:00", "18:00", "1"), ZoneId.of("UTC"), at("2026-03-16T08:00Z")))
        .isEmpty();
  }

  @Test
  void aScheduleStartInsideTheSpanIsItsOpening() {
    DailyWindow w = window("09:00", "18:00", "1", at("2026-03-16T11:00Z"), null);
    assertThat(CallingWindow.openedAt(w, ZoneId.of("UTC"), at("2026-03-16T12:00Z")))
        .contains(at("2026-03-16T11:00Z"));
  }
}
