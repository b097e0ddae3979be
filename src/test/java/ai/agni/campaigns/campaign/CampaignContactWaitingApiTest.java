package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code lastReason} and {@code waitingFor} of a campaign's contacts (docs/api.md §13), with the
 * engine off: the queue rows and live counts are set as the engine would leave them.
 */
class CampaignContactWaitingApiTest extends CampaignApiTestBase {

  /** Open all day except the minute before midnight (UTC), every day. */
  private static final String ALWAYS =
      "'schedule':{'windowStart':'00:00','windowEnd':'23:59','windowDays':[0,1,2,3,4,5,6],"
          + "'maxConcurrent':1}";

  @Autowired Clock clock;

  private JsonNode started(Setup s, String schedule) {
    JsonNode draft = createRaw(s, schedule).ok();
    return post(s.org(), path(draft) + "/start", null).ok();
  }

  private JsonNode item(Setup s, JsonNode campaign, UUID contact) {
    for (JsonNode item : get(s.org(), path(campaign) + "/contacts").ok()) {
      if (item.get("id").asString().equals(contact.toString())) {
        return item;
      }
    }
    throw new AssertionError("no item " + contact);
  }

  private String waiting(Setup s, JsonNode campaign, UUID contact) {
    JsonNode w = item(s, campaign, contact).get("waitingFor");
    return w.isNull() ? null : w.asString();
  }

  private void assumeWindowOpen() {
    assumeFalse(clock.instant().toString().substring(11, 16).equals("23:59"));
  }

  @Test
  void aDueContactOfARunningCampaignWithRoomWaitsForNothing() {
    assumeWindowOpen();
    Setup s = aSetup();
    JsonNode c = started(s, ALWAYS);
    assertThat(waiting(s, c, s.contacts().get(0))).isNull();
  }

  @Test
  void liveCallsAtTheCampaignsCapMakeDueContactsWaitForCapacity() {
    assumeWindowOpen();
    Setup s = aSetup();
    JsonNode c = started(s, ALWAYS);
    jdbc.sql(
            "INSERT INTO live_counts (organization_id, campaign_key, phone_number_id, live)"
                + " VALUES (?, ?, ?, 1)")
        .params(s.org().id(), id(c), s.number().id())
        .update();
    assertThat(waiting(s, c, s.contacts().get(0))).isEqualTo("capacity");
    post(s.org(), path(c) + "/pause", null).ok();
    assertThat(waiting(s, c, s.contacts().get(0))).as("paused: the status says why").isNull();
  }

  @Test
  void aNumberBackingOffMakesDueContactsWaitForCapacity() {
    assumeWindowOpen();
    Setup s = aSetup();
    JsonNode c = started(s, ALWAYS);
    jdbc.sql(
            "INSERT INTO line_backoffs (phone_number_id, organization_id, blocked_until,"
                + " failures, reason, updated_at) VALUES (?, ?, ?, 1, 'trunk_unavailable', ?)")
        .params(s.number().id(), s.org().id(), utc(clock.instant().plusSeconds(600)))
        .params(utc(clock.instant()))
        .update();
    assertThat(waiting(s, c, s.contacts().get(0))).isEqualTo("capacity");
  }

  @Test
  void aRetryNotYetDueWaitsForItsGap() {
    assumeWindowOpen();
    Setup s = aSetup();
    JsonNode c = started(s, ALWAYS);
    UUID contact = s.contacts().get(1);
    jdbc.sql(
            "UPDATE campaign_contacts SET attempts = 1, last_outcome = 'no_answer',"
                + " last_reason = 'ring_timeout', next_attempt_at = ?"
                + " WHERE campaign_id = ? AND contact_id = ?")
        .params(utc(clock.instant().plusSeconds(1800)), id(c), contact)
        .update();
    JsonNode item = item(s, c, contact);
    assertThat(item.get("waitingFor").asString()).isEqualTo("retry_gap");
    assertThat(item.get("lastReason").asString()).isEqualTo("ring_timeout");
    assertThat(waiting(s, c, s.contacts().get(0))).as("first attempts are due").isNull();
  }

  @Test
  void aClosedWindowMakesDueContactsWaitForTheWindow() {
    Setup s = aSetup();
    JsonNode c = started(s, "'schedule':{'start':'2099-03-16T10:00:00Z'}");
    assertThat(c.get("windowOpen").asBoolean()).isFalse();
    assertThat(waiting(s, c, s.contacts().get(0))).isEqualTo("window");
  }

  @Test
  void finishedContactsShowTheirReasonAndWaitForNothing() {
    Setup s = aSetup();
    JsonNode c = started(s, "'schedule':{'start':'2099-03-16T10:00:00Z'}");
    UUID contact = s.contacts().get(2);
    data.setQueueState(id(c), contact, "failed", 0);
    jdbc.sql(
            "UPDATE campaign_contacts SET last_outcome = 'failed', last_reason = 'dnc'"
                + " WHERE campaign_id = ? AND contact_id = ?")
        .params(id(c), contact)
        .update();
    JsonNode item = item(s, c, contact);
    assertThat(item.get("lastReason").asString()).isEqualTo("dnc");
    assertThat(item.get("waitingFor").isNull()).isTrue();
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
