package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code windowOpen} and {@code nextWindowAt} of a campaign object (docs/api.md §13), on every
 * answer that shows a campaign; the window math itself is {@code WindowStatusTest}'s.
 */
class CampaignWindowApiTest extends CampaignApiTestBase {

  @Autowired Clock clock;

  @Test
  void aStartInTheFutureIsTheNextOpeningWhenItFallsInsideTheWindow() {
    Setup s = aSetup();
    // 2099-03-16 is a Monday.
    JsonNode created =
        createRaw(
                s,
                "'schedule':{'start':'2099-03-16T10:00:00Z','windowStart':'09:00',"
                    + "'windowEnd':'18:00','windowDays':[1,2,3,4,5],'timezone':'UTC'}")
            .ok();
    assertClosedUntil(created, "2099-03-16T10:00:00Z");
    assertClosedUntil(get(s.org(), path(created)).ok(), "2099-03-16T10:00:00Z");
    JsonNode listed = get(s.org(), "/api/v1/campaigns").ok();
    assertThat(listed).hasSize(1);
    assertClosedUntil(listed.get(0), "2099-03-16T10:00:00Z");
  }

  @Test
  void theNextOpeningIsInTheCampaignsTimezoneAndShownInUtc() {
    Setup s = aSetup();
    JsonNode created =
        createRaw(
                s,
                "'schedule':{'start':'2099-03-16','windowStart':'09:00','windowEnd':'18:00',"
                    + "'windowDays':[1],'timezone':'Asia/Dubai'}")
            .ok();
    assertClosedUntil(created, "2099-03-16T05:00:00Z");
  }

  @Test
  void aWindowChangeMovesTheNextOpening() {
    Setup s = aSetup();
    JsonNode created = createRaw(s, "'schedule':{'start':'2099-03-16T07:00:00Z'}").ok();
    assertClosedUntil(created, "2099-03-16T09:00:00Z");
    JsonNode patched =
        patch(s.org(), path(created), json("{'schedule':{'windowStart':'08:00'}}")).ok();
    assertClosedUntil(patched, "2099-03-16T08:00:00Z");
  }

  @Test
  void aWindowOpenAllWeekAndDayIsOpenNowWhateverTheStatus() {
    Setup s = aSetup();
    // Open except in the minute before midnight: the test's clock is not moved.
    JsonNode draft =
        createRaw(
                s,
                "'schedule':{'windowStart':'00:00','windowEnd':'23:59',"
                    + "'windowDays':[0,1,2,3,4,5,6]}")
            .ok();
    boolean lastMinute = clock.instant().toString().substring(11, 16).equals("23:59");
    if (!lastMinute) {
      assertThat(draft.get("windowOpen").asBoolean()).as("a draft's window").isTrue();
      assertThat(draft.get("nextWindowAt").isNull()).isTrue();
    }
  }

  @Test
  void aPastEndHasNoNextOpening() {
    Setup s = aSetup();
    Instant past = clock.instant().minusSeconds(86_400);
    JsonNode created = createRaw(s, "'schedule':{'end':'" + past + "'}").ok();
    assertThat(created.get("windowOpen").asBoolean()).isFalse();
    assertThat(created.get("nextWindowAt").isNull()).isTrue();
  }

  private static void assertClosedUntil(JsonNode campaign, String next) {
    assertThat(campaign.get("windowOpen").asBoolean()).as(campaign.toString()).isFalse();
    assertThat(campaign.get("nextWindowAt").asString()).isEqualTo(next);
  }
}
