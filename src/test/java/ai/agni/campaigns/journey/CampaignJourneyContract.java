package ai.agni.campaigns.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.testsupport.LiveApi;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One campaign from set-up to {@code completed}, through HTTP only, with the dialer on its real
 * thread, the real clock and the simulated carrier at short ring and talk times: the README
 * walkthrough as a client runs it. Subclasses pick the database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "agni.dialer.enabled=true",
      "agni.dialer.node-id=journey-node",
      "agni.simulated.seed=11",
      "agni.simulated.ring-ms=40",
      "agni.simulated.talk-ms=80",
      // why: no voicemail, whose simulated message lasts seconds; no_answer rings the agent's 1 s.
      "agni.simulated.outcomes=completed:0.6,no_answer:0.15,busy:0.15,failed:0.1",
      "agni.data-dir=target/test-data"
    })
abstract class CampaignJourneyContract {

  private static final int CONTACTS = 24;
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired OrganizationService organizations;

  private LiveApi api;

  @Test
  void aCampaignRunsFromActivationToCompletedThroughTheApi() throws Exception {
    api =
        new LiveApi(
            port, organizations.create("Journey " + UUID.randomUUID(), "US", 100, 50).apiKey());

    String agent = call("POST", "/agents/", "{\"name\":\"Journey agent\",\"ringDurationMs\":1000}");
    String agentId = json.readTree(agent).at("/data/id").asString();
    String number =
        call(
            "POST",
            "/phone-numbers",
            "{\"phone_number\":\"(415) 555-0100\",\"friendly_name\":\"Main\",\"max_concurrent\":4}");
    String numberId = json.readTree(number).at("/data/id").asString();

    List<String> contactIds = importContacts(CONTACTS - 4);
    String campaignBody =
        "{\"name\":\"Journey\",\"agent_id\":\"%s\",\"phoneNumberId\":\"%s\",\"fromPhoneNumber\":\"+14155550100\",\"contactIds\":%s}"
            .formatted(agentId, numberId, json.writeValueAsString(contactIds));
    String campaignId =
        json.readTree(call("POST", "/campaigns/", campaignBody)).at("/data/id").asString();

    // The CSV import's campaign_id option adds the last contacts to the same campaign.
    JsonNode report = json.readTree(csvImport(4, "?campaign_id=" + campaignId)).get("data");
    assertThat(report.get("imported").asInt()).isEqualTo(4);

    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String patch =
        """
        {"id":"%s","name":"Journey (updated)","status":"active",
         "schedule":{"windowStart":"%s","windowEnd":"%s","windowDays":[0,1,2,3,4,5,6],
                     "timezone":"UTC","maxConcurrent":3,"retryAttempts":0,"retryGapMin":1}}
        """
            .formatted(campaignId, now.minusHours(1).format(HH_MM), now.plusHours(2).format(HH_MM));
    JsonNode activated = json.readTree(call("PATCH", "/campaigns/" + campaignId + "/", patch));
    assertThat(activated.at("/data/status").asString()).isEqualTo("active");
    assertThat(activated.at("/data/executionStatus").asString()).isEqualTo("running");
    assertThat(activated.at("/data/startedAt").isNull()).isFalse();

    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> json.readTree(call("GET", "/campaigns/" + campaignId, null)).get("data"),
                campaign -> "completed".equals(campaign.get("status").asString()));

    JsonNode stats = done.get("contactStats");
    assertThat(stats.get("total").asInt()).isEqualTo(CONTACTS);
    assertThat(stats.get("pending").asInt()).isZero();
    assertThat(stats.get("inProgress").asInt()).isZero();
    assertThat(stats.get("contacted").asInt()).isEqualTo(CONTACTS);
    assertThat(
            stats.get("successful").asInt()
                + stats.get("noAnswer").asInt()
                + stats.get("failed").asInt())
        .isEqualTo(CONTACTS);
    assertThat(stats.get("successful").asInt()).isPositive();
    assertThat(done.get("executionStatus").asString()).isEqualTo("completed");
    assertThat(done.get("completedAt").isNull()).isFalse();

    JsonNode sessions =
        json.readTree(
                call(
                    "GET",
                    "/calling/call-sessions?campaignId=" + campaignId + "&page_size=100",
                    null))
            .at("/data/callSessions");
    assertThat(sessions).hasSize(CONTACTS);
    Set<String> dialed = new HashSet<>();
    for (JsonNode session : sessions) {
      assertThat(session.get("ended_at").isNull()).as(session.toString()).isFalse();
      assertThat(session.get("caller_number").asString()).isEqualTo("+14155550100");
      assertThat(session.get("attempt").asInt()).isEqualTo(1);
      dialed.add(session.get("contact_id").asString());
    }
    assertThat(dialed).hasSize(CONTACTS);

    JsonNode perContact =
        json.readTree(call("GET", "/campaigns/" + campaignId + "/contacts?limit=100", null));
    assertThat(perContact.at("/meta/total").asInt()).isEqualTo(CONTACTS);
    for (JsonNode contact : perContact.get("data")) {
      assertThat(contact.get("status").asString()).isIn("successful", "no_answer", "failed");
      assertThat(contact.get("attempts").asInt()).isEqualTo(1);
    }
  }

  private List<String> importContacts(int count) throws Exception {
    csvImport(count, "");
    JsonNode list = json.readTree(call("GET", "/contacts/?limit=500", null)).get("data");
    List<String> ids = new ArrayList<>();
    list.forEach(contact -> ids.add(contact.get("id").asString()));
    assertThat(ids).hasSize(count);
    return ids;
  }

  private int imported;

  private String csvImport(int count, String query) {
    StringBuilder csv = new StringBuilder("phone,first_name,last_name,plan\n");
    for (int i = 0; i < count; i++, imported++) {
      csv.append("+1415555%04d,Journey,Contact%d,gold\n".formatted(2000 + imported, imported));
    }
    return api.postCsv("/api/v1/contacts/import" + query, csv.toString());
  }

  private String call(String method, String path, String body) {
    return api.ok(method, "/api/v1" + path, body);
  }
}
