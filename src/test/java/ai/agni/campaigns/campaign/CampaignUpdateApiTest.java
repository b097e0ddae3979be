package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ReferencePage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** PATCH /campaigns/{id}: the public reference page replayed, each field, If-Match, versions. */
class CampaignUpdateApiTest extends CampaignApiTestBase {

  private static final Set<String> DATA_FIELDS =
      Set.of(
          "id",
          "organizationId",
          "name",
          "agentId",
          "phoneNumberId",
          "fromPhoneNumber",
          "status",
          "executionStatus",
          "schedule",
          "contactStats",
          "startedAt",
          "completedAt",
          "createdAt",
          "updatedAt",
          "outboundMaxConcurrent",
          "outboundMaxCps",
          "pausedReason",
          "windowOpen",
          "nextWindowAt");

  /** The reference page's schedule fields and the compliance additions of docs/api.md §12.1. */
  private static final Set<String> SCHEDULE_FIELDS =
      Stream.concat(
              ReferencePage.SCHEDULE_FIELDS.stream(),
              Stream.of("windowTimezone", "blackoutDates", "retryPolicy"))
          .collect(Collectors.toSet());

  private static final Set<String> STATS_FIELDS =
      Set.of("total", "contacted", "successful", "failed", "noAnswer", "pending", "inProgress");

  /** The request body of campaign-update.txt with realistic values, in either casing. */
  private static String referenceBody(String id, Setup s, boolean snake) {
    String body =
        "{'id':'%s','name':'Q2 renewals','agentId':'%s','phoneNumberId':'%s',"
            + "'fromPhoneNumber':'%s','status':'active','executionStatus':'running',"
            + "'schedule':{'start':'2026-04-01T09:00:00+04:00','end':'2026-06-30T18:00:00+04:00',"
            + "'windowStart':'09:30','windowEnd':'17:30','windowDays':[0,1,2,3,4],"
            + "'timezone':'Asia/Dubai','maxConcurrent':8,'retryAttempts':3,'retryGapMin':60}}";
    if (snake) {
      for (String camel :
          List.of(
              "agentId",
              "phoneNumberId",
              "fromPhoneNumber",
              "executionStatus",
              "windowStart",
              "windowEnd",
              "windowDays",
              "maxConcurrent",
              "retryAttempts",
              "retryGapMin")) {
        body =
            body.replace(
                "'" + camel + "'", "'" + ai.agni.campaigns.api.JsonNames.snakeCase(camel) + "'");
      }
    }
    return json(body.formatted(id, s.agentId(), s.number().id(), s.number().phone()));
  }

  private static Set<String> keys(JsonNode node) {
    return new LinkedHashSet<>(node.propertyNames());
  }

  @Test
  void theReferencePageBodiesUpdateEveryFieldAndAnswerTheDocumentedShape() {
    for (boolean snake : List.of(false, true)) {
      Setup s = aSetup();
      JsonNode draft = aDraft(s);
      ApiResult result =
          patch(s.org(), path(draft) + "/", referenceBody(draft.get("id").asString(), s, snake));
      JsonNode c = result.ok();
      assertThat(result.json().get("message").asString())
          .isEqualTo("Campaign updated successfully");
      assertThat(keys(result.json())).containsExactlyInAnyOrder("success", "message", "data");
      assertThat(keys(c)).isEqualTo(DATA_FIELDS);
      assertThat(keys(c.get("schedule"))).isEqualTo(SCHEDULE_FIELDS);
      assertThat(keys(c.get("contactStats"))).isEqualTo(STATS_FIELDS);
      assertThat(c.get("name").asString()).isEqualTo("Q2 renewals");
      assertThat(c.get("status").asString()).isEqualTo("active");
      assertThat(c.get("executionStatus").asString()).isEqualTo("running");
      assertThat(c.get("startedAt").isNull()).isFalse();
      JsonNode schedule = c.get("schedule");
      assertThat(schedule.get("start").asString()).isEqualTo("2026-04-01T05:00:00Z");
      assertThat(schedule.get("end").asString()).isEqualTo("2026-06-30T14:00:00Z");
      assertThat(schedule.get("windowStart").asString()).isEqualTo("09:30");
      assertThat(schedule.get("windowEnd").asString()).isEqualTo("17:30");
      assertThat(schedule.get("windowDays").toString()).isEqualTo("[0,1,2,3,4]");
      assertThat(schedule.get("timezone").asString()).isEqualTo("Asia/Dubai");
      assertThat(schedule.get("maxConcurrent").asInt()).isEqualTo(8);
      assertThat(schedule.get("retryAttempts").asInt()).isEqualTo(3);
      assertThat(schedule.get("retryGapMin").asInt()).isEqualTo(60);
      assertThat(get(s.org(), path(draft)).ok()).isEqualTo(c);
    }
  }

  @Test
  void bodyIdMustEqualThePathId() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    JsonNode other = aDraft(s);
    patch(s.org(), path(c), json("{'id':'" + other.get("id").asString() + "','name':'x'}"))
        .invalidField("id");
    patch(s.org(), path(c), json("{'id':'nope'}")).invalidField("id");
    assertThat(
            patch(s.org(), path(c), json("{'id':'" + c.get("id").asString() + "','name':'x'}"))
                .ok()
                .get("name")
                .asString())
        .isEqualTo("x");
  }

  @Test
  void fieldsAreValidatedLikeOnCreate() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    patch(s.org(), path(c), json("{'name':''}")).invalidField("name");
    patch(s.org(), path(c), json("{'name':null}")).invalidField("name");
    patch(
            s.org(),
            path(c),
            json("{'agent_id':'" + data.anActiveAgent(newOrganization().id()) + "'}"))
        .invalidField("agent_id");
    CampaignTestData.PhoneNumber released = data.aNumber(s.org().id(), "released");
    patch(s.org(), path(c), json("{'phoneNumberId':'" + released.id() + "'}"))
        .invalidField("phoneNumberId");
    CampaignTestData.PhoneNumber other = data.anActiveNumber(s.org().id());
    patch(s.org(), path(c), json("{'fromPhoneNumber':'" + other.phone() + "'}"))
        .invalidField("fromPhoneNumber");
    patch(s.org(), path(c), json("{'fromPhoneNumber':'call me'}")).invalidField("fromPhoneNumber");
    patch(s.org(), path(c), json("{'outboundMaxConcurrent':0}"))
        .invalidField("outboundMaxConcurrent");
    patch(s.org(), path(c), json("{'outbound_max_cps':0.01}")).invalidField("outbound_max_cps");
    patch(s.org(), path(c), "[]").invalidField("body");
    patch(s.org(), path(c), "{\"name\":").invalidField("body");
    assertThat(get(s.org(), path(c)).ok()).isEqualTo(c);

    JsonNode both =
        patch(
                s.org(),
                path(c),
                json(
                    "{'phoneNumberId':'"
                        + other.id()
                        + "','fromPhoneNumber':'"
                        + other.phone()
                        + "','outboundMaxCps':12.5,'unknownField':1}"))
            .ok();
    assertThat(both.get("fromPhoneNumber").asString()).isEqualTo(other.phone());
    assertThat(both.get("outboundMaxCps").asDouble()).isEqualTo(12.5);
    JsonNode cleared = patch(s.org(), path(c), json("{'outboundMaxCps':null}")).ok();
    assertThat(cleared.get("outboundMaxCps").asDouble()).isEqualTo(10.0);
  }

  @Test
  void everyWriteBumpsTheVersionAndAnEmptyPatchWritesNothing() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    assertThat(patch(s.org(), path(c), "{}").ok()).isEqualTo(c);
    assertThat(version(c)).isZero();
    patch(s.org(), path(c), json("{'name':'v1'}")).ok();
    patch(s.org(), path(c), json("{'name':'v1'}")).ok();
    assertThat(version(c)).isEqualTo(1);
    post(s.org(), path(c) + "/start", null).ok();
    assertThat(version(c)).isEqualTo(2);
  }

  private long version(JsonNode c) {
    return jdbc.sql("SELECT version FROM campaigns WHERE id = ?")
        .param(id(c))
        .query(Long.class)
        .single();
  }

  @Test
  void ifMatchMustCarryTheCurrentUpdatedAt() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    String updatedAt = c.get("updatedAt").asString();
    for (String stale : List.of("2020-01-01T00:00:00Z", "garbage")) {
      JsonNode error = patchIfMatch(s, c, stale, "{'name':'late'}").error(409, "CONFLICT");
      assertThat(error.get("message").asString()).contains(updatedAt);
    }
    assertThat(get(s.org(), path(c)).ok().get("name").asString()).isEqualTo("Spring promo");
    assertThat(
            patchIfMatch(s, c, "\"" + updatedAt + "\"", "{'name':'fresh'}")
                .ok()
                .get("name")
                .asString())
        .isEqualTo("fresh");
  }

  private ApiResult patchIfMatch(Setup s, JsonNode c, String ifMatch, String body) {
    return perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(path(c))
            .header("X-Api-Key", s.org().apiKey())
            .header("If-Match", ifMatch)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json(body)));
  }
}
