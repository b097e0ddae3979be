package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dial lag of an attempt: from the latest of its due instant and the window's opening. */
class DialLagTest {

  private static final DialingRules WEEKDAYS_9_TO_18 =
      DialingRules.of(
          "09:00",
          "18:00",
          "1,2,3,4,5",
          null,
          null,
          "UTC",
          2,
          30,
          "campaign",
          "",
          null,
          null,
          null);

  private static ClaimedAttempt attempt(AttemptOrigin origin, Instant due) {
    PhoneLine line =
        new PhoneLine(UUID.randomUUID(), "+14155550100", "simulated", null, null, null);
    return new ClaimedAttempt(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        line,
        1,
        "+14155550101",
        Map.of(),
        null,
        null,
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        origin,
        Map.of(),
        due);
  }

  private static AttemptOrigin contact(DialingRules rules) {
    return new AttemptOrigin.CampaignContact(UUID.randomUUID(), UUID.randomUUID(), 1, rules, "");
  }

  @Test
  void aContactDueInsideTheWindowLagsFromItsDueInstant() {
    ClaimedAttempt a = attempt(contact(WEEKDAYS_9_TO_18), Instant.parse("2026-03-16T10:00:00Z"));
    assertThat(a.lagAt(Instant.parse("2026-03-16T10:00:01.250Z")))
        .isEqualTo(Duration.ofMillis(1250));
  }

  @Test
  void aContactDueOvernightLagsFromTheWindowsOpening() {
    ClaimedAttempt a = attempt(contact(WEEKDAYS_9_TO_18), Instant.parse("2026-03-15T20:00:00Z"));
    assertThat(a.lagAt(Instant.parse("2026-03-16T09:00:00.300Z")))
        .isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aSlotBeforeTheDueInstantIsNoLag() {
    ClaimedAttempt a = attempt(contact(WEEKDAYS_9_TO_18), Instant.parse("2026-03-16T10:00:05Z"));
    assertThat(a.lagAt(Instant.parse("2026-03-16T10:00:00Z"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void singleCallsAndUnknownDueAreNotMeasured() {
    assertThat(
            attempt(new AttemptOrigin.SingleCall(Instant.EPOCH), Instant.EPOCH)
                .lagAt(Instant.parse("2026-03-16T10:00:00Z")))
        .isNull();
    assertThat(attempt(contact(WEEKDAYS_9_TO_18), null).lagAt(Instant.EPOCH)).isNull();
  }
}
