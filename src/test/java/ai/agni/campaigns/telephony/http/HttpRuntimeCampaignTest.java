package ai.agni.campaigns.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.telephony.http.FakeRuntime.Reply;
import ai.agni.campaigns.telephony.http.FakeRuntime.Step;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Campaigns through the {@code http} provider, over the API only: each contact's callee is scripted
 * in the runtime, and the sessions and the contacts' final states and attempts are read back as a
 * client reads them.
 */
class HttpRuntimeCampaignTest extends HttpRuntimeTestBase {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  @Test
  void aCampaignRunsToCompletedWithEveryOutcomeAndARefusalThatCostsNoAttempt() {
    runtime
        .script(
            "+14155553001",
            Reply.accept(Step.of("ringing"), Step.of("answered"), Step.of("completed")))
        .script("+14155553002", Reply.accept(Step.of("ringing"), Step.of("no_answer")))
        .script("+14155553003", Reply.accept(Step.of("busy")))
        .script("+14155553004", Reply.accept(Step.of("answered"), Step.of("voicemail")))
        .script("+14155553005", Reply.accept(Step.of("failed", "invalid_number")))
        .script(
            "+14155553006",
            n ->
                n == 1
                    ? Reply.status(503, Map.of("Retry-After", "1"))
                    : Reply.accept(Step.of("answered"), Step.of("completed")));
    String number = api.httpNumber(FROM, runtime.url(), SECRET);
    Map<String, String> contacts =
        contacts(
            "+14155553001",
            "+14155553002",
            "+14155553003",
            "+14155553004",
            "+14155553005",
            "+14155553006");
    String campaign = activeCampaign(number, FROM, contacts, 0);

    JsonNode done =
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> api.data("GET", "/campaigns/" + campaign, null),
                c -> "completed".equals(c.get("status").asString()));
    assertThat(done.at("/contactStats/total").asInt()).isEqualTo(6);
    assertThat(done.at("/contactStats/successful").asInt()).isEqualTo(2);

    Map<String, JsonNode> byPhone = campaignContacts(campaign);
    assertContact(byPhone.get("+14155553001"), "successful", 1, "completed");
    assertContact(byPhone.get("+14155553002"), "no_answer", 1, "no_answer");
    assertContact(byPhone.get("+14155553003"), "no_answer", 1, "busy");
    assertContact(byPhone.get("+14155553004"), "no_answer", 1, "voicemail");
    assertContact(byPhone.get("+14155553005"), "failed", 1, "failed");
    // The runtime's 503 did not use the contact's only attempt.
    assertContact(byPhone.get("+14155553006"), "successful", 1, "completed");

    Map<String, List<JsonNode>> sessions = sessionsByCallee(campaign);
    assertThat(sessions.values().stream().mapToInt(List::size).sum()).isEqualTo(7);
    assertSession(sessions.get("+14155553001").get(0), "completed", "completed", true, true);
    assertSession(sessions.get("+14155553002").get(0), "no_answer", "no_answer", true, false);
    assertSession(sessions.get("+14155553003").get(0), "busy", "busy", true, false);
    assertSession(sessions.get("+14155553004").get(0), "voicemail", "voicemail", true, true);
    assertSession(sessions.get("+14155553005").get(0), "failed", "invalid_number", true, false);
    List<JsonNode> retried = sessions.get("+14155553006");
    assertThat(retried).hasSize(2);
    assertSession(retried.get(0), "failed", "runtime_unavailable", false, false);
    assertThat(retried.get(0).get("disconnect_detail").asString()).isEqualTo("runtime HTTP 503");
    assertSession(retried.get(1), "completed", "completed", true, true);
    assertThat(retried.get(1).get("attempt").asInt()).isEqualTo(1);
    for (List<JsonNode> perCallee : sessions.values()) {
      for (JsonNode s : perCallee) {
        assertThat(s.get("campaign_id").asString()).isEqualTo(campaign);
        assertThat(s.get("ended_at").isNull()).as(s.toString()).isFalse();
        assertThat(s.get("started_at").isNull()).as(s.toString()).isFalse();
      }
    }
    JsonNode offer =
        runtime.offers().stream()
            .filter(o -> o.body().get("to").asString().equals("+14155553001"))
            .findFirst()
            .orElseThrow()
            .body();
    assertThat(offer.get("campaign_id").asString()).isEqualTo(campaign);
    assertThat(offer.get("contact_id").asString()).isEqualTo(contacts.get("+14155553001"));
    assertThat(offer.at("/variables/plan").asString()).isEqualTo("gold");
  }

  @Test
  void aNonRetryableFailureEndsTheContactAndARetryableOneWaitsForItsRetry() {
    runtime
        .script("+14155553101", Reply.accept(Step.of("failed", "invalid_number")))
        .script(
            "+14155553102", Reply.accept(Step.of("ringing"), Step.of("failed", "agent_crashed")))
        .script("+14155553103", Reply.accept(Step.of("failed")));
    String number = api.httpNumber(FROM, runtime.url(), SECRET);
    String campaign =
        activeCampaign(number, FROM, contacts("+14155553101", "+14155553102", "+14155553103"), 1);

    Map<String, JsonNode> byPhone =
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> campaignContacts(campaign),
                contacts ->
                    contacts.values().stream()
                        .allMatch(
                            c ->
                                c.get("attempts").asInt() == 1
                                    && !c.get("status").asString().equals("in_progress")));
    assertContact(byPhone.get("+14155553101"), "failed", 1, "failed");
    assertContact(byPhone.get("+14155553102"), "pending", 1, "failed");
    assertThat(byPhone.get("+14155553102").get("nextAttemptAt").isNull()).isFalse();
    assertContact(byPhone.get("+14155553103"), "pending", 1, "failed");
    Map<String, List<JsonNode>> sessions = sessionsByCallee(campaign);
    assertSession(sessions.get("+14155553101").get(0), "failed", "invalid_number", true, false);
    assertSession(sessions.get("+14155553102").get(0), "failed", "agent_crashed", true, false);
    // A failure without a reason is recorded under the status's name.
    assertSession(sessions.get("+14155553103").get(0), "failed", "failed", true, false);
  }

  @Test
  void aRuntimeAnswering500SendsTheContactBackToPendingWithoutUsingAnAttempt() {
    String from = "+14155550110";
    runtime.script("+14155553201", Reply.status(500, Map.of()));
    String number = api.httpNumber(from, runtime.url(), SECRET);
    String campaign = activeCampaign(number, from, contacts("+14155553201"), 0);

    JsonNode refused =
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> sessionsByCallee(campaign).getOrDefault("+14155553201", List.of()),
                list -> !list.isEmpty() && !list.get(0).get("ended_at").isNull())
            .get(0);
    assertSession(refused, "failed", "runtime_unavailable", false, false);
    assertThat(refused.get("disconnect_detail").asString()).isEqualTo("runtime HTTP 500");
    JsonNode contact =
        await()
            .atMost(WAIT)
            .until(
                () -> campaignContacts(campaign).get("+14155553201"),
                c -> c.get("status").asString().equals("pending"));
    assertThat(contact.get("attempts").asInt()).isZero();
    Map<String, Object> backoff = backoff(number);
    assertThat(backoff.get("reason")).isEqualTo("runtime_unavailable");
    assertThat(blockedFor(backoff, refused))
        .isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
    JsonNode stillActive = api.data("GET", "/campaigns/" + campaign, null);
    assertThat(stillActive.get("status").asString()).isEqualTo("active");
    assertThat(stillActive.at("/contactStats/pending").asInt()).isEqualTo(1);
    api.data("POST", "/campaigns/" + campaign + "/pause", null);
  }

  private Map<String, String> contacts(String... phones) {
    Map<String, String> ids = new HashMap<>();
    for (String phone : phones) {
      ids.put(
          phone,
          api.data(
                  "POST",
                  "/contacts/",
                  "{\"phone\":\"%s\",\"first_name\":\"Runtime\",\"metadata\":{\"plan\":\"gold\"}}"
                      .formatted(phone))
              .get("id")
              .asString());
    }
    return ids;
  }

  private String activeCampaign(
      String number, String from, Map<String, String> contacts, int retries) {
    String body =
        "{\"name\":\"Runtime campaign\",\"agentId\":\"%s\",\"phoneNumberId\":\"%s\",\"fromPhoneNumber\":\"%s\",\"contactIds\":[%s]}"
            .formatted(
                agent,
                number,
                from,
                String.join(",", contacts.values().stream().map(id -> "\"" + id + "\"").toList()));
    String id = api.data("POST", "/campaigns/", body).get("id").asString();
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String patch =
        """
        {"status":"active",
         "schedule":{"windowStart":"%s","windowEnd":"%s","windowDays":[0,1,2,3,4,5,6],
                     "timezone":"UTC","maxConcurrent":3,"retryAttempts":%d,"retryGapMin":1}}
        """
            .formatted(now.minusHours(1).format(HH_MM), now.plusHours(2).format(HH_MM), retries);
    assertThat(api.data("PATCH", "/campaigns/" + id, patch).get("status").asString())
        .isEqualTo("active");
    return id;
  }

  private Map<String, JsonNode> campaignContacts(String campaign) {
    Map<String, JsonNode> byPhone = new HashMap<>();
    api.call("GET", "/campaigns/" + campaign + "/contacts?limit=100", null)
        .get("data")
        .forEach(c -> byPhone.put(c.get("phone").asString(), c));
    return byPhone;
  }

  /** Each callee's sessions, oldest first. */
  private Map<String, List<JsonNode>> sessionsByCallee(String campaign) {
    Map<String, List<JsonNode>> out = new HashMap<>();
    api.data(
            "GET",
            "/calling/call-sessions?campaign_id=" + campaign + "&page_size=100&sort_order=asc",
            null)
        .get("callSessions")
        .forEach(
            s ->
                out.computeIfAbsent(s.get("callee_number").asString(), k -> new ArrayList<>())
                    .add(s));
    return out;
  }

  private static void assertContact(
      JsonNode contact, String status, int attempts, String lastOutcome) {
    assertThat(contact.get("status").asString()).as(contact.toString()).isEqualTo(status);
    assertThat(contact.get("attempts").asInt()).as(contact.toString()).isEqualTo(attempts);
    assertThat(contact.get("lastOutcome").asString()).as(contact.toString()).isEqualTo(lastOutcome);
  }

  private static void assertSession(
      JsonNode session, String status, String reason, boolean attempt, boolean answered) {
    assertThat(session.get("status").asString()).as(session.toString()).isEqualTo(status);
    assertThat(session.get("disconnect_reason").asString())
        .as(session.toString())
        .isEqualTo(reason);
    assertThat(session.get("counts_as_attempt").asBoolean())
        .as(session.toString())
        .isEqualTo(attempt);
    assertThat(session.get("answered_at").isNull()).as(session.toString()).isEqualTo(!answered);
    assertThat(session.get("ended_at").isNull()).as(session.toString()).isFalse();
  }
}
