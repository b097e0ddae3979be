package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Organization A creates one of everything through the API; organization B then calls every
 * endpoint with A's ids and phone numbers. Each row must answer 404 (or, for lists, searches and
 * references inside a body, must show none of A's data), and A's own reads must be unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationMatrixTest extends ApiTestSupport {

  private static final String CONTACT_PHONE = "+12125550142";
  private static final String DNC_PHONE = "+12125550143";
  private static final String OWN_NUMBER = "+14155550177";

  private TestOrg a;
  private TestOrg b;
  private Victim victim;
  private Map<String, JsonNode> before;

  /** A's resources, and B's own campaign for the rows that reference A's ids from B's objects. */
  private record Victim(
      String agent,
      String number,
      String contact,
      String campaign,
      String session,
      String apiKey,
      String bCampaign,
      String bAgent) {}

  /** What B must see: 404, a 400 naming a field, or a 200 that shows none of A's data. */
  enum Expect {
    NOT_FOUND,
    INVALID,
    NO_LEAK
  }

  record Row(
      String name, HttpMethod method, String path, String body, Expect expect, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  void organizationAOwnsOneOfEverything() {
    a = newOrganization();
    b = newOrganization();
    String agent = id(post(a, "/api/v1/agents", json("{'name':'Alpha agent'}")).ok());
    String number =
        id(post(a, "/api/v1/phone-numbers", json("{'phone_number':'" + OWN_NUMBER + "'}")).ok());
    String contact =
        id(
            post(
                    a,
                    "/api/v1/contacts",
                    json(
                        "{'first_name':'Alpha','last_name':'Zulu','phone':'"
                            + CONTACT_PHONE
                            + "'}"))
                .ok());
    post(a, "/api/v1/dnc", json("{'phones':['" + DNC_PHONE + "']}")).ok();
    String campaign =
        id(
            post(
                    a,
                    "/api/v1/campaigns",
                    campaignBody("Alpha campaign", agent, number, OWN_NUMBER, contact))
                .ok());
    String apiKey = id(post(a, "/api/v1/api-keys", json("{'name':'alpha'}")).ok());
    ApiResult call =
        post(
            a,
            "/api/v1/calling/create-call",
            json(
                "{'type':'outbound_call','agent_id':'%s','from_phone_number':'%s','to_phone_number':'%s'}"
                    .formatted(agent, OWN_NUMBER, CONTACT_PHONE)));
    assertThat(call.status()).as(call.rawBody()).isEqualTo(200);
    String session = call.json().get("session_id").asString();

    String bAgent = id(post(b, "/api/v1/agents", json("{'name':'Bravo agent'}")).ok());
    String bNumber =
        id(post(b, "/api/v1/phone-numbers", json("{'phone_number':'+14155550178'}")).ok());
    String bContact = id(post(b, "/api/v1/contacts", json("{'phone':'+12125550144'}")).ok());
    String bCampaign =
        id(
            post(
                    b,
                    "/api/v1/campaigns",
                    campaignBody("Bravo campaign", bAgent, bNumber, "+14155550178", bContact))
                .ok());
    victim = new Victim(agent, number, contact, campaign, session, apiKey, bCampaign, bAgent);
    before = snapshotOfA();
  }

  Stream<Arguments> rows() {
    Victim v = victim;
    String agents = "/api/v1/agents/" + v.agent();
    String campaign = "/api/v1/campaigns/" + v.campaign();
    String contact = "/api/v1/contacts/" + v.contact();
    String contactIds = json("{'contactIds':['" + v.contact() + "']}");
    String createCall =
        "{'type':'outbound_call','agent_id':'%s','from_phone_number':'%s','to_phone_number':'+12125550199'}";
    List<Row> rows =
        List.of(
            notFound("GET agent", HttpMethod.GET, agents, null),
            notFound("PATCH agent", HttpMethod.PATCH, agents, json("{'name':'hijacked'}")),
            notFound(
                "PATCH agent status",
                HttpMethod.PATCH,
                agents + "/status",
                "{\"status\":\"inactive\"}"),
            notFound("DELETE agent", HttpMethod.DELETE, agents, null),
            noLeak("GET agents", HttpMethod.GET, "/api/v1/agents?limit=500", null),
            notFound(
                "GET phone number", HttpMethod.GET, "/api/v1/phone-numbers/" + v.number(), null),
            notFound(
                "DELETE phone number release (by number)",
                HttpMethod.DELETE,
                "/api/v1/phone-numbers/" + OWN_NUMBER + "/release",
                null),
            notFound(
                "DELETE phone number release (by id)",
                HttpMethod.DELETE,
                "/api/v1/phone-numbers/" + v.number() + "/release",
                null),
            noLeak("GET phone numbers", HttpMethod.GET, "/api/v1/phone-numbers?limit=500", null),
            notFound("GET contact", HttpMethod.GET, contact, null),
            notFound("GET contact detail", HttpMethod.GET, contact + "/detail", null),
            notFound("PATCH contact", HttpMethod.PATCH, contact, json("{'first_name':'x'}")),
            notFound("DELETE contact", HttpMethod.DELETE, contact, null),
            noLeak(
                "GET contacts search name", HttpMethod.GET, "/api/v1/contacts?search=Alpha", null),
            noLeak(
                "GET contacts search phone",
                HttpMethod.GET,
                "/api/v1/contacts?search=5550142",
                null),
            noLeak(
                "POST contacts bulk-delete",
                HttpMethod.POST,
                "/api/v1/contacts/bulk-delete",
                json("{'ids':['" + v.contact() + "']}")),
            notFound("GET campaign", HttpMethod.GET, campaign, null),
            notFound("PATCH campaign", HttpMethod.PATCH, campaign, json("{'name':'hijacked'}")),
            notFound("DELETE campaign", HttpMethod.DELETE, campaign, null),
            notFound("POST campaign start", HttpMethod.POST, campaign + "/start", null),
            notFound("POST campaign pause", HttpMethod.POST, campaign + "/pause", null),
            notFound("POST campaign resume", HttpMethod.POST, campaign + "/resume", null),
            notFound("POST campaign complete", HttpMethod.POST, campaign + "/complete", null),
            notFound("GET campaign contacts", HttpMethod.GET, campaign + "/contacts", null),
            notFound("POST campaign contacts", HttpMethod.POST, campaign + "/contacts", contactIds),
            notFound(
                "DELETE campaign contacts", HttpMethod.DELETE, campaign + "/contacts", contactIds),
            noLeak("GET campaigns", HttpMethod.GET, "/api/v1/campaigns?search=Alpha", null),
            invalid(
                "POST own campaign contacts with A's contact",
                HttpMethod.POST,
                "/api/v1/campaigns/" + v.bCampaign() + "/contacts",
                contactIds,
                "contactIds"),
            invalid(
                "PATCH own campaign with A's agent",
                HttpMethod.PATCH,
                "/api/v1/campaigns/" + v.bCampaign(),
                json("{'agentId':'" + v.agent() + "'}"),
                "agentId"),
            invalid(
                "POST campaign with A's contact",
                HttpMethod.POST,
                "/api/v1/campaigns",
                json(
                    "{'name':'x','agentId':'%s','phoneNumberId':'%s','fromPhoneNumber':'%s','contactIds':['%s']}"
                        .formatted(v.agent(), v.number(), OWN_NUMBER, v.contact())),
                "agentId"),
            notFound(
                "GET call session detail",
                HttpMethod.GET,
                "/api/v1/calling/call-sessions-detail/" + v.session(),
                null),
            noLeak("GET call sessions", HttpMethod.GET, "/api/v1/calling/call-sessions", null),
            noLeak(
                "GET call sessions by A's agent",
                HttpMethod.GET,
                "/api/v1/calling/call-sessions?agent_id=" + v.agent(),
                null),
            noLeak(
                "GET call sessions by A's callee",
                HttpMethod.GET,
                "/api/v1/calling/call-sessions?callee_number=" + CONTACT_PHONE,
                null),
            noLeak(
                "GET phone history",
                HttpMethod.GET,
                "/api/v1/calling/phone-history?phone=" + CONTACT_PHONE,
                null),
            notFound("DELETE api key", HttpMethod.DELETE, "/api/v1/api-keys/" + v.apiKey(), null),
            noLeak("GET api keys", HttpMethod.GET, "/api/v1/api-keys", null),
            notFound("DELETE dnc", HttpMethod.DELETE, "/api/v1/dnc/" + DNC_PHONE, null),
            noLeak("GET dnc", HttpMethod.GET, "/api/v1/dnc?limit=500", null),
            invalid(
                "POST create-call with A's agent",
                HttpMethod.POST,
                "/api/v1/calling/create-call",
                json(createCall.formatted(v.agent(), "+14155550178")),
                "agent_id"),
            invalid(
                "POST create-call with A's number",
                HttpMethod.POST,
                "/api/v1/calling/create-call",
                json(createCall.formatted(v.bAgent(), OWN_NUMBER)),
                "from_phone_number"));
    return rows.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void anotherOrganizationSeesNothingAndChangesNothing(Row row) {
    ApiResult result = call(row.method(), row.path(), b, row.body());
    switch (row.expect()) {
      case NOT_FOUND -> result.error(404, "NOT_FOUND");
      case INVALID -> result.invalidField(row.field());
      case NO_LEAK -> {
        assertThat(result.status()).as(result.rawBody()).isEqualTo(200);
        assertThat(result.rawBody())
            .doesNotContain(
                victim.agent(),
                victim.number(),
                victim.contact(),
                victim.campaign(),
                victim.session(),
                victim.apiKey(),
                CONTACT_PHONE,
                DNC_PHONE,
                OWN_NUMBER,
                "Alpha");
      }
    }
    assertThat(snapshotOfA()).as("A's data after %s", row).isEqualTo(before);
  }

  private Map<String, JsonNode> snapshotOfA() {
    Map<String, JsonNode> reads = new LinkedHashMap<>();
    for (String path :
        List.of(
            "/api/v1/agents/" + victim.agent(),
            "/api/v1/phone-numbers/" + victim.number(),
            "/api/v1/contacts/" + victim.contact() + "/detail",
            "/api/v1/campaigns/" + victim.campaign(),
            "/api/v1/campaigns/" + victim.campaign() + "/contacts",
            "/api/v1/calling/call-sessions-detail/" + victim.session(),
            "/api/v1/dnc",
            "/api/v1/api-keys")) {
      reads.put(path, get(a, path).ok());
    }
    return reads;
  }

  private static Row notFound(String name, HttpMethod method, String path, String body) {
    return new Row(name, method, path, body, Expect.NOT_FOUND, null);
  }

  private static Row noLeak(String name, HttpMethod method, String path, String body) {
    return new Row(name, method, path, body, Expect.NO_LEAK, null);
  }

  private static Row invalid(
      String name, HttpMethod method, String path, String body, String field) {
    return new Row(name, method, path, body, Expect.INVALID, field);
  }

  private static String campaignBody(
      String name, String agent, String number, String from, String contact) {
    return json(
        "{'name':'%s','agentId':'%s','phoneNumberId':'%s','fromPhoneNumber':'%s','contactIds':['%s']}"
            .formatted(name, agent, number, from, contact));
  }

  private static String id(JsonNode data) {
    return data.get("id").asString();
  }
}
