package ai.agni.campaigns.calllog;

import static ai.agni.campaigns.calllog.CallRows.aBusyCall;
import static ai.agni.campaigns.calllog.CallRows.aCompletedCall;
import static ai.agni.campaigns.calllog.CallRows.aNoAnswerCall;
import static ai.agni.campaigns.calllog.CallRows.aQueuedCall;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

class CallSessionApiTest extends ApiTestSupport {

  static final String SESSIONS = "/api/v1/calling/call-sessions";
  static final Instant T0 = Instant.parse("2026-03-20T10:30:00.125Z");

  @Autowired JdbcClient jdbc;

  @Test
  void listShowsEverySessionFieldInSnakeCaseWithMillisecondTimes() {
    TestOrg org = newOrganization();
    UUID campaign = UUID.randomUUID();
    UUID contact = UUID.randomUUID();
    UUID agent = UUID.randomUUID();
    UUID id =
        aCompletedCall(org.id(), T0)
            .inCampaign(campaign)
            .forContact(contact)
            .byAgent(agent)
            .attempt(2)
            .insert(jdbc);

    SessionList result = list(org, "");
    JsonNode data = result.data;
    assertThat(data.propertyNames()).containsExactly("callSessions", "total", "page", "page_size");
    assertThat(data.get("total").asLong()).isEqualTo(1);
    assertThat(data.get("page").asInt()).isEqualTo(1);
    assertThat(data.get("page_size").asInt()).isEqualTo(20);
    JsonNode session = data.get("callSessions").get(0);
    assertThat(session.get("session_id").asString()).isEqualTo(id.toString());
    assertThat(session.get("campaign_id").asString()).isEqualTo(campaign.toString());
    assertThat(session.get("contact_id").asString()).isEqualTo(contact.toString());
    assertThat(session.get("agent_id").asString()).isEqualTo(agent.toString());
    assertThat(session.get("attempt").asInt()).isEqualTo(2);
    assertThat(session.get("channel").asString()).isEqualTo("voice");
    assertThat(session.get("caller_number").asString()).isEqualTo("+14155550100");
    assertThat(session.get("callee_number").asString()).isEqualTo("+14155550199");
    assertThat(session.get("status").asString()).isEqualTo("completed");
    assertThat(session.get("disconnect_reason").asString()).isEqualTo("user_hangup");
    assertThat(session.get("started_at").asString()).isEqualTo("2026-03-20T10:30:00.125Z");
    assertThat(session.get("answered_at").asString()).isEqualTo("2026-03-20T10:30:02.375Z");
    assertThat(session.get("ended_at").asString()).isEqualTo("2026-03-20T10:30:32.375Z");
    assertThat(session.get("duration_sec").asInt()).isEqualTo(30);
    assertThat(result.meta.get("total").asLong()).isEqualTo(1);
  }

  @Test
  void unsetValuesAreNullNotAbsent() {
    TestOrg org = newOrganization();
    aQueuedCall(org.id(), T0).insert(jdbc);

    JsonNode session = list(org, "").sessions().get(0);
    assertThat(session.propertyNames()).hasSize(17);
    for (String field :
        List.of(
            "campaign_id",
            "contact_id",
            "disconnect_reason",
            "started_at",
            "answered_at",
            "ended_at",
            "duration_sec",
            "sip_call_id",
            "disconnect_detail",
            "counts_as_attempt")) {
      assertThat(session.get(field).isNull()).as(field).isTrue();
    }
    assertThat(session.get("status").asString()).isEqualTo("queued");
  }

  @Test
  void newestFirstByDefaultOldestFirstOnRequestQueuedCallsByQueueTime() {
    TestOrg org = newOrganization();
    UUID second = aNoAnswerCall(org.id(), T0.plusSeconds(60)).insert(jdbc);
    UUID first = aCompletedCall(org.id(), T0).insert(jdbc);
    UUID queued = aQueuedCall(org.id(), T0.plusSeconds(120)).insert(jdbc);

    assertThat(list(org, "").ids()).containsExactly(queued, second, first);
    assertThat(list(org, "?sort_order=desc").ids()).containsExactly(queued, second, first);
    assertThat(list(org, "?sort_order=asc").ids()).containsExactly(first, second, queued);
    assertThat(list(org, "?sortOrder=ASC").ids()).containsExactly(first, second, queued);
  }

  @Test
  void sameStartTimeIsOrderedById() {
    TestOrg org = newOrganization();
    UUID a = aCompletedCall(org.id(), T0).insert(jdbc);
    UUID b = aCompletedCall(org.id(), T0).insert(jdbc);
    List<UUID> ascending = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);

    assertThat(list(org, "?sort_order=asc").ids()).containsExactlyElementsOf(ascending);
    assertThat(list(org, "?sort_order=desc").ids())
        .containsExactly(ascending.get(1), ascending.get(0));
  }

  @Test
  void pagesAreOneBasedWithDefaultSizeTwenty() {
    TestOrg org = newOrganization();
    List<UUID> oldestFirst = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      oldestFirst.add(aCompletedCall(org.id(), T0.plusSeconds(i)).insert(jdbc));
    }
    List<UUID> newestFirst = new ArrayList<>(oldestFirst);
    Collections.reverse(newestFirst);

    SessionList firstPage = list(org, "");
    assertThat(firstPage.ids()).containsExactlyElementsOf(newestFirst.subList(0, 20));
    assertThat(firstPage.data.get("total").asLong()).isEqualTo(23);
    SessionList second = list(org, "?page=2&page_size=20");
    assertThat(second.ids()).containsExactlyElementsOf(newestFirst.subList(20, 23));
    assertThat(second.meta.get("offset").asLong()).isEqualTo(20);
    assertThat(list(org, "?page=3&pageSize=10").ids())
        .containsExactlyElementsOf(newestFirst.subList(20, 23));
    assertThat(list(org, "?page=2&page_size=5&sort_order=asc").ids())
        .containsExactlyElementsOf(oldestFirst.subList(5, 10));
    SessionList beyond = list(org, "?page=9");
    assertThat(beyond.ids()).isEmpty();
    assertThat(beyond.data.get("total").asLong()).isEqualTo(23);
    assertThat(list(org, "?page_size=1000").ids()).hasSize(23);
  }

  @Test
  void filtersByCampaignAgentAndContactInBothCasings() {
    TestOrg org = newOrganization();
    UUID campaign = UUID.randomUUID();
    UUID agent = UUID.randomUUID();
    UUID contact = UUID.randomUUID();
    UUID inCampaign = aCompletedCall(org.id(), T0).inCampaign(campaign).insert(jdbc);
    UUID byAgent = aCompletedCall(org.id(), T0).byAgent(agent).insert(jdbc);
    UUID forContact = aCompletedCall(org.id(), T0).forContact(contact).insert(jdbc);

    assertThat(list(org, "?campaign_id=" + campaign).ids()).containsExactly(inCampaign);
    assertThat(list(org, "?campaignId=" + campaign).ids()).containsExactly(inCampaign);
    assertThat(list(org, "?agent_id=" + agent).ids()).containsExactly(byAgent);
    assertThat(list(org, "?agentId=" + agent).ids()).containsExactly(byAgent);
    assertThat(list(org, "?contact_id=" + contact).ids()).containsExactly(forContact);
    assertThat(list(org, "?contactId=" + contact).ids()).containsExactly(forContact);
    assertThat(list(org, "?campaign_id=" + campaign + "&agent_id=" + agent).ids()).isEmpty();
    assertThat(list(org, "?campaign_id=" + UUID.randomUUID()).data.get("total").asLong()).isZero();
  }

  @Test
  void filtersByStatusCaseInsensitivelyAndByAListOfStatuses() {
    TestOrg org = newOrganization();
    UUID completed = aCompletedCall(org.id(), T0).insert(jdbc);
    UUID noAnswer = aNoAnswerCall(org.id(), T0.plusSeconds(1)).insert(jdbc);
    UUID busy = aBusyCall(org.id(), T0.plusSeconds(2)).insert(jdbc);
    UUID queued = aQueuedCall(org.id(), T0.plusSeconds(3)).insert(jdbc);

    assertThat(list(org, "?status=completed").ids()).containsExactly(completed);
    assertThat(list(org, "?status=NO_ANSWER").ids()).containsExactly(noAnswer);
    assertThat(list(org, "?status=queued").ids()).containsExactly(queued);
    assertThat(list(org, "?status=busy,no_answer").ids()).containsExactly(busy, noAnswer);
    assertThat(list(org, "?status=voicemail").ids()).isEmpty();
  }

  @Test
  void phoneFiltersAreNormalisedWithTheOrganizationsRegion() {
    TestOrg org = newOrganization();
    UUID toBob = aCompletedCall(org.id(), T0).to("+14155550123").insert(jdbc);
    UUID fromOther = aCompletedCall(org.id(), T0).from("+14155550111").insert(jdbc);

    assertThat(list(org, "?callee_number=+14155550123").ids()).containsExactly(toBob);
    assertThat(list(org, "?calleeNumber=(415) 555-0123").ids()).containsExactly(toBob);
    assertThat(listEncoded(org, "?callee_number=%2B14155550123").ids()).containsExactly(toBob);
    assertThat(list(org, "?caller_number=415-555-0111").ids()).containsExactly(fromOther);
    assertThat(list(org, "?callerNumber=+14155550111").ids()).containsExactly(fromOther);
    // An unencoded "+" reaches the server as a space.
    JsonNode data =
        perform(
                MockMvcRequestBuilders.get(SESSIONS)
                    .header("X-Api-Key", org.apiKey())
                    .param("callee_number", " 14155550123"))
            .ok();
    assertThat(data.get("callSessions").get(0).get("session_id").asString())
        .isEqualTo(toBob.toString());
  }

  @Test
  void nationalNumbersAreReadInTheOrganizationsOwnRegion() {
    var created = organizationService.create("London " + UUID.randomUUID(), "GB", 100, 10);
    TestOrg london = new TestOrg(created.organization().id(), created.apiKey());
    UUID call = aCompletedCall(london.id(), T0).to("+442071838750").insert(jdbc);

    assertThat(list(london, "?callee_number=020 7183 8750").ids()).containsExactly(call);
    get(london, SESSIONS + "?callee_number=(415) 555-0123").invalidField("callee_number");
  }

  @Test
  void filtersByStartTimeWithInstantsOffsetsAndDates() {
    TestOrg org = newOrganization();
    UUID day1 = aCompletedCall(org.id(), Instant.parse("2026-03-19T23:59:59.999Z")).insert(jdbc);
    UUID day2 = aCompletedCall(org.id(), Instant.parse("2026-03-20T00:00:00Z")).insert(jdbc);
    UUID day2Late = aCompletedCall(org.id(), Instant.parse("2026-03-20T18:00:00Z")).insert(jdbc);
    UUID queuedDay3 = aQueuedCall(org.id(), Instant.parse("2026-03-21T09:00:00Z")).insert(jdbc);

    assertThat(list(org, "?started_after=2026-03-20").ids())
        .containsExactly(queuedDay3, day2Late, day2);
    assertThat(list(org, "?started_before=2026-03-20").ids()).containsExactly(day1);
    assertThat(list(org, "?startedAfter=2026-03-20T00:00:00Z&startedBefore=2026-03-21").ids())
        .containsExactly(day2Late, day2);
    assertThat(listEncoded(org, "?started_after=2026-03-20T21:00:00%2B04:00").ids())
        .containsExactly(queuedDay3, day2Late);
    assertThat(list(org, "?started_after=2026-03-20T17:59:59.999").ids())
        .containsExactly(queuedDay3, day2Late);
  }

  @Test
  void aQueryParameterSentInBothCasingsIs400() {
    TestOrg org = newOrganization();
    get(org, SESSIONS + "?page_size=1&pageSize=5").invalidField("page_size");
    get(org, SESSIONS + "/?sortOrder=asc&sort_order=desc").invalidField("sort_order");
    get(org, SESSIONS + "?page_size=1&page_size=5").ok();
  }

  @Test
  void badQueryParametersAre400NamingTheParameter() {
    TestOrg org = newOrganization();
    get(org, SESSIONS + "?page=0").invalidField("page");
    get(org, SESSIONS + "?page=first").invalidField("page");
    get(org, SESSIONS + "?page_size=0").invalidField("page_size");
    get(org, SESSIONS + "?pageSize=1001").invalidField("page_size");
    get(org, SESSIONS + "?page_size=ten").invalidField("page_size");
    get(org, SESSIONS + "?sort_order=newest").invalidField("sort_order");
    get(org, SESSIONS + "?status=answered").invalidField("status");
    get(org, SESSIONS + "?status=completed,hungup").invalidField("status");
    get(org, SESSIONS + "?campaign_id=not-a-uuid").invalidField("campaign_id");
    get(org, SESSIONS + "?agentId=42").invalidField("agent_id");
    get(org, SESSIONS + "?contact_id=x").invalidField("contact_id");
    get(org, SESSIONS + "?caller_number=12").invalidField("caller_number");
    get(org, SESSIONS + "?callee_number=abc").invalidField("callee_number");
    get(org, SESSIONS + "?started_after=yesterday").invalidField("started_after");
    get(org, SESSIONS + "?started_before=2026-13-01").invalidField("started_before");
  }

  @Test
  void anotherOrganizationsSessionsAreInvisible() {
    TestOrg owner = newOrganization();
    TestOrg other = newOrganization();
    UUID campaign = UUID.randomUUID();
    UUID id = aCompletedCall(owner.id(), T0).inCampaign(campaign).insert(jdbc);

    assertThat(list(other, "").ids()).isEmpty();
    assertThat(list(other, "?campaign_id=" + campaign).ids()).isEmpty();
    get(other, "/api/v1/calling/call-sessions-detail/" + id).error(404, "NOT_FOUND");
    assertThat(list(owner, "").ids()).containsExactly(id);
  }

  @Test
  void detailAnswersOneSessionAnd404sForUnknownOrMalformedIds() {
    TestOrg org = newOrganization();
    UUID id = aNoAnswerCall(org.id(), T0).attempt(3).insert(jdbc);

    for (String path :
        List.of(
            "/api/v1/calling/call-sessions-detail/" + id,
            "/api/v1/calling/call-sessions-detail/" + id + "/")) {
      JsonNode session = get(org, path).ok();
      assertThat(session.get("session_id").asString()).isEqualTo(id.toString());
      assertThat(session.get("status").asString()).isEqualTo("no_answer");
      assertThat(session.get("attempt").asInt()).isEqualTo(3);
      assertThat(session.get("answered_at").isNull()).isTrue();
      assertThat(session.get("duration_sec").asInt()).isZero();
    }
    get(org, "/api/v1/calling/call-sessions-detail/" + UUID.randomUUID()).error(404, "NOT_FOUND");
    get(org, "/api/v1/calling/call-sessions-detail/not-a-uuid").error(404, "NOT_FOUND");
  }

  @Test
  void listAnswersWithATrailingSlashAndNeedsAKey() {
    TestOrg org = newOrganization();
    UUID id = aCompletedCall(org.id(), T0).insert(jdbc);
    assertThat(list(org, "/?page=1").ids()).containsExactly(id);
    get(null, SESSIONS).error(401, "UNAUTHORIZED");
  }

  private SessionList list(TestOrg org, String query) {
    var result = get(org, SESSIONS + query);
    return new SessionList(result.ok(), result.json().get("meta"));
  }

  /** A list request whose query is already percent-encoded, sent as is. */
  private SessionList listEncoded(TestOrg org, String encodedQuery) {
    var result =
        perform(
            MockMvcRequestBuilders.get(URI.create(SESSIONS + encodedQuery))
                .header("X-Api-Key", org.apiKey()));
    return new SessionList(result.ok(), result.json().get("meta"));
  }

  /** The data and meta of a session list answer. */
  record SessionList(JsonNode data, JsonNode meta) {
    JsonNode sessions() {
      return data.get("callSessions");
    }

    List<UUID> ids() {
      List<UUID> ids = new ArrayList<>();
      sessions().forEach(s -> ids.add(UUID.fromString(s.get("session_id").asString())));
      return ids;
    }
  }
}
