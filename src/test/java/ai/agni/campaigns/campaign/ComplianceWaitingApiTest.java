package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport.TestOrg;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The compliance rules as an operator sees them through the API (docs/api.md §12, §13.2), with the
 * engine off: a contact's zones are resolved when it is written and follow it into its campaigns;
 * {@code waitingFor} names the rule that holds each pending contact, judged on its own clock.
 */
class ComplianceWaitingApiTest extends CampaignApiTestBase {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  @Autowired Clock clock;

  private UUID aContact(TestOrg org, String phone, String timezone) {
    String tz = timezone == null ? "" : ",'timezone':'" + timezone + "'";
    return UUID.fromString(
        post(org, "/api/v1/contacts", json("{'phone':'" + phone + "'" + tz + "}"))
            .ok()
            .get("id")
            .asString());
  }

  private JsonNode started(Setup s, List<UUID> contacts, String extra) {
    JsonNode draft = post(s.org(), "/api/v1/campaigns", createBody(s, contacts, extra)).ok();
    return post(s.org(), path(draft) + "/start", null).ok();
  }

  private String waiting(Setup s, JsonNode campaign, UUID contact) {
    for (JsonNode item : get(s.org(), path(campaign) + "/contacts").ok()) {
      if (item.get("id").asString().equals(contact.toString())) {
        JsonNode w = item.get("waitingFor");
        return w.isNull() ? null : w.asString();
      }
    }
    throw new AssertionError("no item " + contact);
  }

  /**
   * A window of UTC wall-clock hours from {@code fromHours} to {@code toHours} after now (hours of
   * margin on both sides, so the test never depends on the minute it runs in).
   */
  private String window(int fromHours, int toHours) {
    LocalTime now = clock.instant().atOffset(ZoneOffset.UTC).toLocalTime();
    return "'windowStart':'"
        + HH_MM.format(now.plusHours(fromHours))
        + "','windowEnd':'"
        + HH_MM.format(now.plusHours(toHours))
        + "','windowDays':[0,1,2,3,4,5,6]";
  }

  @Test
  void aContactsZonesAreResolvedWhenWrittenAndFollowItIntoItsCampaigns() {
    Setup s = aSetup();
    UUID byNumber = aContact(s.org(), "+13125550123", null);
    UUID named = aContact(s.org(), "+13125550124", "Australia/Sydney");
    assertThat(zonesOf(byNumber)).isEqualTo("America/Chicago");
    assertThat(zonesOf(named)).as("its own timezone wins").isEqualTo("Australia/Sydney");
    JsonNode c = started(s, List.of(byNumber, named), "'schedule':{'windowTimezone':'contact'}");

    patch(s.org(), "/api/v1/contacts/" + byNumber, json("{'timezone':'Asia/Tokyo'}")).ok();
    assertThat(zonesOf(byNumber)).isEqualTo("Asia/Tokyo");
    assertThat(
            jdbc.sql(
                    "SELECT zone_key FROM campaign_contacts WHERE campaign_id = ? AND contact_id = ?")
                .params(id(c), byNumber)
                .query(String.class)
                .single())
        .as("the queue row moved to its new zone group")
        .isEqualTo("Asia/Tokyo");
    assertThat(
            jdbc.sql("SELECT zone_key FROM campaign_zones WHERE campaign_id = ? ORDER BY zone_key")
                .param(id(c))
                .query(String.class)
                .list())
        .contains("America/Chicago", "Asia/Tokyo", "Australia/Sydney");

    assertThat(
            patch(s.org(), "/api/v1/contacts/" + byNumber, json("{'timezone':'Not/AZone'}"))
                .status())
        .as("an unknown zone is refused, never stored")
        .isEqualTo(400);
    assertThat(zonesOf(byNumber)).isEqualTo("Asia/Tokyo");
    patch(s.org(), "/api/v1/contacts/" + byNumber, json("{'timezone':null}")).ok();
    assertThat(zonesOf(byNumber))
        .as("no timezone: the number's zones")
        .isEqualTo("America/Chicago");
  }

  @Test
  void aBulkUpdateThatChangesZonesMovesTheQueueRowsToo() {
    Setup s = aSetup();
    UUID contact = aContact(s.org(), "+12125550191", null);
    JsonNode c = started(s, List.of(contact), "'schedule':{'windowTimezone':'contact'}");
    post(
            s.org(),
            "/api/v1/contacts/bulk",
            json(
                "{'onDuplicate':'update','contacts':[{'phone':'+12125550191',"
                    + "'timezone':'Europe/Paris'}]}"))
        .ok();
    assertThat(zonesOf(contact)).isEqualTo("Europe/Paris");
    assertThat(
            jdbc.sql(
                    "SELECT zone_key FROM campaign_contacts WHERE campaign_id = ? AND contact_id = ?")
                .params(id(c), contact)
                .query(String.class)
                .single())
        .isEqualTo("Europe/Paris");
  }

  @Test
  void inContactModeEachContactWaitsForTheWindowOnItsOwnClock() {
    Setup s = aSetup();
    UUID here = aContact(s.org(), "+12125550171", "UTC");
    UUID farEast = aContact(s.org(), "+12125550172", "Etc/GMT-12");
    String schedule = "'schedule':{" + window(-1, 1) + ",'timezone':'UTC'";
    JsonNode contactMode =
        started(s, List.of(here, farEast), schedule + ",'windowTimezone':'contact'}");
    assertThat(waiting(s, contactMode, here)).isNull();
    assertThat(waiting(s, contactMode, farEast))
        .as("12 hours ahead, its window is closed")
        .isEqualTo("window");

    JsonNode campaignMode = started(s, List.of(here, farEast), schedule + "}");
    assertThat(waiting(s, campaignMode, farEast))
        .as("on the campaign's clock both are due")
        .isNull();
  }

  @Test
  void theOrganizationsCallingHoursHoldContactsOnTheirOwnClock() {
    Setup s = aSetup();
    UUID here = aContact(s.org(), "+12125550181", "UTC");
    UUID farEast = aContact(s.org(), "+12125550182", "Etc/GMT-12");
    JsonNode c =
        started(s, List.of(here, farEast), "'schedule':{" + window(-3, 3) + ",'timezone':'UTC'}");
    LocalTime now = clock.instant().atOffset(ZoneOffset.UTC).toLocalTime();
    patch(
            s.org(),
            "/api/v1/organization",
            json(
                "{'calling_hours':{'start':'"
                    + HH_MM.format(now.minusHours(2))
                    + "','end':'"
                    + HH_MM.format(now.plusHours(2))
                    + "'}}"))
        .ok();
    assertThat(
            jdbc.sql("SELECT next_work_at FROM campaign_queues WHERE campaign_id = ?")
                .param(id(c))
                .query(OffsetDateTime.class)
                .single()
                .toInstant())
        .as("new rules: the campaign plans again at once, not at its old next work")
        .isBeforeOrEqualTo(clock.instant());
    assertThat(waiting(s, c, here)).isNull();
    assertThat(waiting(s, c, farEast))
        .as("inside the campaign's window, outside the calling hours on its own clock")
        .isEqualTo("calling_hours");
    assertThat(get(s.org(), path(c)).ok().get("windowOpen").asBoolean())
        .as("the campaign's own window is open")
        .isTrue();

    patch(s.org(), "/api/v1/organization", json("{'calling_hours':null}")).ok();
    assertThat(waiting(s, c, farEast)).isNull();
  }

  @Test
  void aContactTheEngineMovedForACapSaysSo() {
    Setup s = aSetup();
    JsonNode c = started(s, s.contacts(), "'schedule':{" + window(-3, 3) + "}");
    UUID contact = s.contacts().get(0);
    jdbc.sql(
            "UPDATE campaign_contacts SET next_attempt_at = ?, wait_reason = 'frequency_cap'"
                + " WHERE campaign_id = ? AND contact_id = ?")
        .params(utc(clock.instant().plusSeconds(3600)), id(c), contact)
        .update();
    assertThat(waiting(s, c, contact)).isEqualTo("frequency_cap");
    assertThat(waiting(s, c, s.contacts().get(1))).isNull();
  }

  @Test
  void aBlackoutDateClosesTheCampaignForTheDay() {
    Setup s = aSetup();
    String today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    JsonNode c =
        started(
            s,
            s.contacts(),
            "'schedule':{'windowStart':'00:00','windowEnd':'23:59',"
                + "'windowDays':[0,1,2,3,4,5,6],'blackoutDates':['"
                + today
                + "']}");
    assertThat(c.get("windowOpen").asBoolean()).isFalse();
    Instant tomorrow =
        clock
            .instant()
            .atOffset(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(1)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
    assertThat(Instant.parse(c.get("nextWindowAt").asString())).isEqualTo(tomorrow);
    assertThat(waiting(s, c, s.contacts().get(0))).isEqualTo("window");
  }

  private String zonesOf(UUID contact) {
    return jdbc.sql("SELECT zones FROM contacts WHERE id = ?")
        .param(contact)
        .query(String.class)
        .single();
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
