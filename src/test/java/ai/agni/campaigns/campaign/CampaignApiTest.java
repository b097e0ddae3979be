package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Create, read and list campaigns: the object's shape, defaults, validation and paging. */
class CampaignApiTest extends CampaignApiTestBase {

  @Test
  void createsADraftWithDefaultsAndEveryFieldPresent() {
    Setup s = aSetup();
    ApiResult result = createRaw(s, "");
    JsonNode c = result.ok();
    assertThat(result.json().get("message").asString()).isEqualTo("Campaign created successfully");
    assertThat(UUID.fromString(c.get("id").asString()).version()).isEqualTo(7);
    assertThat(c.get("organizationId").asString()).isEqualTo(s.org().id().toString());
    assertThat(c.get("name").asString()).isEqualTo("Spring promo");
    assertThat(c.get("agentId").asString()).isEqualTo(s.agentId().toString());
    assertThat(c.get("phoneNumberId").asString()).isEqualTo(s.number().id().toString());
    assertThat(c.get("fromPhoneNumber").asString()).isEqualTo(s.number().phone());
    assertThat(c.get("status").asString()).isEqualTo("draft");
    assertThat(c.get("executionStatus").asString()).isEqualTo("draft");
    JsonNode schedule = c.get("schedule");
    assertThat(schedule.get("start").isNull()).isTrue();
    assertThat(schedule.get("end").isNull()).isTrue();
    assertThat(schedule.get("windowStart").asString()).isEqualTo("09:00");
    assertThat(schedule.get("windowEnd").asString()).isEqualTo("18:00");
    assertThat(schedule.get("windowDays").toString()).isEqualTo("[1,2,3,4,5]");
    assertThat(schedule.get("timezone").asString()).isEqualTo("UTC");
    assertThat(schedule.get("maxConcurrent").asInt()).isEqualTo(5);
    assertThat(schedule.get("retryAttempts").asInt()).isEqualTo(2);
    assertThat(schedule.get("retryGapMin").asInt()).isEqualTo(30);
    assertThat(c.get("contactStats").toString())
        .isEqualTo(
            "{\"total\":3,\"contacted\":0,\"successful\":0,\"failed\":0,\"noAnswer\":0,"
                + "\"pending\":3,\"inProgress\":0}");
    assertThat(c.get("startedAt").isNull()).isTrue();
    assertThat(c.get("completedAt").isNull()).isTrue();
    assertThat(c.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(c.get("updatedAt").asString()).isEqualTo(c.get("createdAt").asString());
    assertThat(c.get("outboundMaxConcurrent").asInt()).isEqualTo(100);
    assertThat(c.get("outboundMaxCps").asDouble()).isEqualTo(10.0);
    assertThat(c.get("outboundMaxConcurrent").isIntegralNumber()).isTrue();
  }

  @Test
  void queuesEveryContactAsPendingWithNoAttempts() {
    Setup s = aSetup();
    UUID id = id(aDraft(s));
    List<Map<String, Object>> rows =
        jdbc.sql(
                "SELECT state, attempts, next_attempt_at, version, organization_id"
                    + " FROM campaign_contacts WHERE campaign_id = ?")
            .param(id)
            .query()
            .listOfRows();
    assertThat(rows).hasSize(3);
    for (Map<String, Object> row : rows) {
      assertThat(row.get("state")).isEqualTo("pending");
      assertThat(((Number) row.get("attempts")).intValue()).isZero();
      assertThat(row.get("next_attempt_at")).isNull();
      assertThat(((Number) row.get("version")).longValue()).isZero();
      assertThat(row.get("organization_id")).isEqualTo(s.org().id());
    }
  }

  @Test
  void acceptsSnakeCaseAndANationalCallerId() {
    Setup s = aSetup();
    String phone = s.number().phone();
    String national =
        "(" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8);
    String body =
        json(
            "{'name':'Snake','agent_id':'"
                + s.agentId()
                + "','phone_number_id':'"
                + s.number().id()
                + "','from_phone_number':'"
                + national
                + "','contact_ids':['"
                + s.contacts().get(0)
                + "'],'outbound_max_concurrent':7,'outbound_max_cps':2.5,"
                + "'schedule':{'window_start':'08:30','window_days':[0,6],'retry_gap_min':45}}");
    JsonNode c = post(s.org(), "/api/v1/campaigns/", body).ok();
    assertThat(c.get("fromPhoneNumber").asString()).isEqualTo(phone);
    assertThat(c.get("outboundMaxConcurrent").asInt()).isEqualTo(7);
    assertThat(c.get("outboundMaxCps").asDouble()).isEqualTo(2.5);
    assertThat(c.get("schedule").get("windowStart").asString()).isEqualTo("08:30");
    assertThat(c.get("schedule").get("windowDays").toString()).isEqualTo("[0,6]");
    assertThat(c.get("schedule").get("retryGapMin").asInt()).isEqualTo(45);
    assertThat(c.get("contactStats").get("total").asInt()).isEqualTo(1);
  }

  @Test
  void everyRequiredFieldIsNamedWhenMissing() {
    Setup s = aSetup();
    for (String field :
        List.of("name", "agentId", "phoneNumberId", "fromPhoneNumber", "contactIds")) {
      JsonNode body = objectMapper.readTree(createBody(s, s.contacts(), ""));
      ((tools.jackson.databind.node.ObjectNode) body).remove(field);
      post(s.org(), "/api/v1/campaigns", body.toString()).invalidField(field);
    }
    post(
            s.org(),
            "/api/v1/campaigns",
            createBody(s, s.contacts(), "'name':' '").replace("\"name\":\"Spring promo\",", ""))
        .invalidField("name");
    post(s.org(), "/api/v1/campaigns", "[1]").invalidField("body");
    post(s.org(), "/api/v1/campaigns", null).invalidField("body");
    assertThat(data.campaignCount(s.org().id())).isZero();
  }

  @Test
  void wrongTypesAndBothCasingsAre400() {
    Setup s = aSetup();
    createRaw(s, "'outboundMaxConcurrent':'many'").invalidField("outboundMaxConcurrent");
    createRaw(s, "'agent_id':'" + s.agentId() + "'").invalidField("agentId");
    String numericName = createBody(s, s.contacts(), "").replace("\"Spring promo\"", "5");
    post(s.org(), "/api/v1/campaigns", numericName).invalidField("name");
    String stringIds =
        createBody(s, List.of(), "").replace("\"contactIds\":[]", "\"contactIds\":\"x\"");
    post(s.org(), "/api/v1/campaigns", stringIds).invalidField("contactIds");
    createRaw(s, "'name2':'x','whatever':{'a':1}").ok();
  }

  @Test
  void contactIdsMayBeEmptyAndDuplicatesCollapse() {
    Setup s = aSetup();
    JsonNode empty = post(s.org(), "/api/v1/campaigns", createBody(s, List.of(), "")).ok();
    assertThat(empty.get("contactStats").get("total").asInt()).isZero();
    List<UUID> twice = new ArrayList<>(s.contacts());
    twice.addAll(s.contacts());
    JsonNode c = post(s.org(), "/api/v1/campaigns", createBody(s, twice, "")).ok();
    assertThat(c.get("contactStats").get("total").asInt()).isEqualTo(3);
    assertThat(data.queueSize(id(c))).isEqualTo(3);
  }

  @Test
  void unknownContactIdsAreListedAndNothingIsCreated() {
    Setup s = aSetup();
    UUID foreign = data.contacts(newOrganization().id(), 1).get(0);
    UUID random = UUID.randomUUID();
    List<UUID> ids = new ArrayList<>(s.contacts());
    ids.add(foreign);
    ids.add(random);
    String body = createBody(s, ids, "").replace("\"contactIds\":[", "\"contactIds\":[\"nope\",");
    JsonNode error = post(s.org(), "/api/v1/campaigns", body).invalidField("contactIds");
    List<String> messages = error.get("errors").findValuesAsString("message");
    assertThat(messages)
        .containsExactly(
            "unknown contact: nope", "unknown contact: " + foreign, "unknown contact: " + random);
    assertThat(error.get("errors").findValuesAsString("field")).containsOnly("contactIds");
    assertThat(data.campaignCount(s.org().id())).isZero();
  }

  @Test
  void agentMustBeTheOrganizations() {
    Setup s = aSetup();
    UUID foreignAgent = data.anActiveAgent(newOrganization().id());
    String body =
        createBody(s, s.contacts(), "").replace(s.agentId().toString(), foreignAgent.toString());
    post(s.org(), "/api/v1/campaigns", body).invalidField("agentId");
    String malformed = createBody(s, s.contacts(), "").replace(s.agentId().toString(), "agent-1");
    post(s.org(), "/api/v1/campaigns", malformed).invalidField("agentId");
    UUID inactive = data.anAgent(s.org().id(), "INACTIVE");
    String withInactive =
        createBody(s, s.contacts(), "").replace(s.agentId().toString(), inactive.toString());
    assertThat(post(s.org(), "/api/v1/campaigns", withInactive).ok().get("agentId").asString())
        .isEqualTo(inactive.toString());
  }

  @Test
  void phoneNumberMustBeAnActiveNumberOfTheOrganizationAndMatchTheCallerId() {
    Setup s = aSetup();
    CampaignTestData.PhoneNumber released = data.aNumber(s.org().id(), "released");
    CampaignTestData.PhoneNumber foreign = data.anActiveNumber(newOrganization().id());
    for (CampaignTestData.PhoneNumber bad : List.of(released, foreign)) {
      String body =
          createBody(s, s.contacts(), "")
              .replace(s.number().id().toString(), bad.id().toString())
              .replace(s.number().phone(), bad.phone());
      post(s.org(), "/api/v1/campaigns", body).invalidField("phoneNumberId");
    }
    CampaignTestData.PhoneNumber other = data.anActiveNumber(s.org().id());
    String mismatch = createBody(s, s.contacts(), "").replace(s.number().phone(), other.phone());
    post(s.org(), "/api/v1/campaigns", mismatch).invalidField("fromPhoneNumber");
    String invalid = createBody(s, s.contacts(), "").replace(s.number().phone(), "12");
    post(s.org(), "/api/v1/campaigns", invalid).invalidField("fromPhoneNumber");
    assertThat(data.campaignCount(s.org().id())).isZero();
  }

  @Test
  void outboundLimitsAreRangeChecked() {
    Setup s = aSetup();
    createRaw(s, "'outboundMaxConcurrent':0").invalidField("outboundMaxConcurrent");
    createRaw(s, "'outboundMaxConcurrent':10001").invalidField("outboundMaxConcurrent");
    createRaw(s, "'outboundMaxConcurrent':1.5").invalidField("outboundMaxConcurrent");
    createRaw(s, "'outboundMaxCps':0.05").invalidField("outboundMaxCps");
    createRaw(s, "'outboundMaxCps':1000.5").invalidField("outboundMaxCps");
    JsonNode c = createRaw(s, "'outboundMaxConcurrent':10000,'outboundMaxCps':0.1").ok();
    assertThat(c.get("outboundMaxConcurrent").asInt()).isEqualTo(10000);
    assertThat(c.get("outboundMaxCps").asDouble()).isEqualTo(0.1);
  }

  @Test
  void fetchesOneCampaignWithAndWithoutTrailingSlash() {
    Setup s = aSetup();
    JsonNode created = aDraft(s);
    for (String path : List.of(path(created), path(created) + "/")) {
      ApiResult result = get(s.org(), path);
      assertThat(result.ok()).isEqualTo(created);
      assertThat(result.json().get("message").asString())
          .isEqualTo("Campaign fetched successfully");
    }
    get(s.org(), "/api/v1/campaigns/not-a-uuid").error(404, "NOT_FOUND");
    get(s.org(), "/api/v1/campaigns/" + UUID.randomUUID()).error(404, "NOT_FOUND");
  }

  @Test
  void listsNewestFirstWithPagingFiltersAndSearch() {
    Setup s = aSetup();
    List<String> ids = new ArrayList<>();
    for (String name : List.of("Alpha 100%", "Beta", "alphabet", "Gamma")) {
      ids.add(createRaw(s, "'name':'" + name + "'").ok().get("id").asString());
    }
    post(s.org(), "/api/v1/campaigns/" + ids.get(1) + "/start", null).ok();

    ApiResult all = get(s.org(), "/api/v1/campaigns/");
    assertThat(all.ok().findValuesAsString("name")).contains("Gamma", "alphabet", "Beta");
    assertThat(all.json().get("meta").toString())
        .isEqualTo("{\"total\":4,\"limit\":50,\"offset\":0}");
    assertThat(all.ok().get(0).get("id").asString()).isEqualTo(ids.get(3));

    ApiResult page = get(s.org(), "/api/v1/campaigns?limit=2&offset=1");
    assertThat(page.ok()).hasSize(2);
    assertThat(page.ok().get(0).get("id").asString()).isEqualTo(ids.get(2));
    assertThat(page.json().get("meta").toString())
        .isEqualTo("{\"total\":4,\"limit\":2,\"offset\":1}");

    ApiResult active = get(s.org(), "/api/v1/campaigns?status=ACTIVE");
    assertThat(active.ok().findValuesAsString("id")).containsExactly(ids.get(1));
    assertThat(active.ok().get(0).get("contactStats").get("total").asInt()).isEqualTo(3);
    assertThat(
            get(s.org(), "/api/v1/campaigns?status=draft").json().get("meta").get("total").asInt())
        .isEqualTo(3);
    get(s.org(), "/api/v1/campaigns?status=running").invalidField("status");

    ApiResult search = get(s.org(), "/api/v1/campaigns?search=ALPHA");
    assertThat(search.ok().findValuesAsString("name")).containsExactly("alphabet", "Alpha 100%");
    for (String literal : List.of("100%", "a_p")) {
      ApiResult escaped =
          perform(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                      "/api/v1/campaigns")
                  .header("X-Api-Key", s.org().apiKey())
                  .param("search", literal));
      assertThat(escaped.ok().findValuesAsString("name"))
          .containsExactlyElementsOf(literal.equals("100%") ? List.of("Alpha 100%") : List.of());
    }
    get(s.org(), "/api/v1/campaigns?limit=0").invalidField("limit");
    get(s.org(), "/api/v1/campaigns?offset=-1").invalidField("offset");
  }
}
