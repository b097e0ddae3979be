package ai.agni.campaigns.api;

import ai.agni.campaigns.testsupport.ReferencePage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The endpoints the fuzz test attacks: for each, a valid base body (or path) built on one
 * organization's agent, number, contact and campaign, and the fields to mutate.
 */
final class FuzzEndpoints {

  private static final AtomicInteger UNIQUE = new AtomicInteger();
  private static final String[] AREAS = {
    "201", "202", "203", "205", "206", "207", "208", "209", "210", "212", "213", "214", "215",
    "216", "217", "218", "219", "224", "225", "228", "229", "231", "234", "239", "240", "248"
  };
  private static final List<String> SCHEDULE = ReferencePage.SCHEDULE_FIELDS;
  private static final List<String> CONTACT =
      List.of(
          "firstName",
          "lastName",
          "email",
          "phone",
          "company",
          "timezone",
          "metadata",
          "tags",
          "notes",
          "name",
          "customVariables");
  private static final List<String> AGENT =
      List.of(
          "name",
          "agentName",
          "status",
          "ringDurationMs",
          "maxCallDurationMs",
          "enableVoicemailDetection",
          "webhookUrls",
          "prompt",
          "beginMessage",
          "voiceId");

  private final ObjectMapper objectMapper;
  private final String agent;
  private final String number;
  private final String contact;
  private final String campaign;

  FuzzEndpoints(
      ObjectMapper objectMapper, String agent, String number, String contact, String campaign) {
    this.objectMapper = objectMapper;
    this.agent = agent;
    this.number = number;
    this.contact = contact;
    this.campaign = campaign;
  }

  /** One endpoint reading a JSON body: its base body is valid, its fields are mutated. */
  record BodyEndpoint(
      String name,
      HttpMethod method,
      String path,
      Supplier<ObjectNode> base,
      List<String> fields,
      Map<String, List<String>> nested,
      Map<String, String> headers) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** One GET endpoint and the query parameters it reads. */
  record QueryEndpoint(String name, String path, List<String> params) {
    @Override
    public String toString() {
      return name;
    }
  }

  Stream<BodyEndpoint> bodyEndpoints() {
    String campaigns = "/api/v1/campaigns/" + campaign;
    List<String> campaignFields =
        List.of(
            "name",
            "agentId",
            "phoneNumberId",
            "fromPhoneNumber",
            "contactIds",
            "schedule",
            "outboundMaxConcurrent",
            "outboundMaxCps");
    List<String> patchFields = new ArrayList<>(campaignFields);
    patchFields.addAll(List.of("id", "status", "executionStatus"));
    Map<String, List<String>> schedule = Map.of("schedule", SCHEDULE);
    return Stream.of(
        body("POST agents", HttpMethod.POST, "/api/v1/agents", () -> obj("name", "a"), AGENT),
        body(
            "PATCH agent",
            HttpMethod.PATCH,
            "/api/v1/agents/" + agent,
            () -> obj("prompt", "p"),
            AGENT),
        body(
            "PATCH agent status",
            HttpMethod.PATCH,
            "/api/v1/agents/" + agent + "/status",
            () -> obj("status", "active"),
            List.of("status")),
        body(
            "POST phone-numbers",
            HttpMethod.POST,
            "/api/v1/phone-numbers",
            () -> obj("phone_number", uniquePhone()),
            List.of(
                "phoneNumber",
                "friendlyName",
                "provider",
                "maxConcurrent",
                "maxCps",
                "sipTrunkUri",
                "sipUsername",
                "sipPassword",
                "runtimeUrl",
                "runtimeSecret")),
        body(
            "POST contacts",
            HttpMethod.POST,
            "/api/v1/contacts",
            () -> obj("phone", uniquePhone()),
            CONTACT),
        body(
            "PATCH contact",
            HttpMethod.PATCH,
            "/api/v1/contacts/" + contact,
            () -> obj("notes", "n"),
            CONTACT),
        new BodyEndpoint(
            "POST contacts bulk",
            HttpMethod.POST,
            "/api/v1/contacts/bulk",
            this::bulkBody,
            List.of("contacts", "onDuplicate"),
            Map.of("contacts[]", CONTACT),
            Map.of()),
        body(
            "POST contacts bulk-delete",
            HttpMethod.POST,
            "/api/v1/contacts/bulk-delete",
            () -> obj("ids", List.of("0198a1b2-0000-7000-8000-000000000000")),
            List.of("ids")),
        body(
            "POST dnc",
            HttpMethod.POST,
            "/api/v1/dnc",
            () -> obj("phones", List.of(uniquePhone())),
            List.of("phones")),
        new BodyEndpoint(
            "POST campaigns",
            HttpMethod.POST,
            "/api/v1/campaigns",
            this::campaignBody,
            campaignFields,
            schedule,
            Map.of()),
        new BodyEndpoint(
            "PATCH campaign",
            HttpMethod.PATCH,
            campaigns,
            () -> obj("name", "renamed"),
            patchFields,
            schedule,
            Map.of()),
        body(
            "POST campaign contacts",
            HttpMethod.POST,
            campaigns + "/contacts",
            () -> obj("contactIds", List.of(contact)),
            List.of("contactIds")),
        body(
            "DELETE campaign contacts",
            HttpMethod.DELETE,
            campaigns + "/contacts",
            () -> obj("contactIds", List.of("0198a1b2-0000-7000-8000-000000000000")),
            List.of("contactIds")),
        body(
            "POST create-call",
            HttpMethod.POST,
            "/api/v1/calling/create-call",
            this::createCallBody,
            List.of(
                "type",
                "agentId",
                "fromPhoneNumber",
                "toPhoneNumber",
                "metadata",
                "promptDynamicVariables")),
        body(
            "POST api-keys",
            HttpMethod.POST,
            "/api/v1/api-keys",
            () -> obj("name", "k"),
            List.of("name")),
        new BodyEndpoint(
            "POST admin organizations",
            HttpMethod.POST,
            "/api/v1/admin/organizations",
            () -> obj("name", "o"),
            List.of("name", "defaultRegion", "outboundMaxConcurrent", "outboundMaxCps"),
            Map.of(),
            Map.of("X-Admin-Token", "test-admin-token")));
  }

  Stream<QueryEndpoint> queryEndpoints() {
    List<String> page = List.of("limit", "offset");
    return Stream.of(
        new QueryEndpoint("GET agents", "/api/v1/agents", page),
        new QueryEndpoint("GET phone-numbers", "/api/v1/phone-numbers", page),
        new QueryEndpoint("GET contacts", "/api/v1/contacts", List.of("search", "limit", "offset")),
        new QueryEndpoint("GET dnc", "/api/v1/dnc", page),
        new QueryEndpoint(
            "GET campaigns", "/api/v1/campaigns", List.of("status", "search", "limit", "offset")),
        new QueryEndpoint(
            "GET campaign contacts",
            "/api/v1/campaigns/" + campaign + "/contacts",
            List.of("status", "limit", "offset")),
        new QueryEndpoint(
            "GET call-sessions",
            "/api/v1/calling/call-sessions",
            List.of(
                "page",
                "page_size",
                "campaign_id",
                "agent_id",
                "contact_id",
                "status",
                "caller_number",
                "callee_number",
                "started_after",
                "started_before",
                "sort_order")),
        new QueryEndpoint(
            "GET phone-history",
            "/api/v1/calling/phone-history?phone=%2B12125550161",
            List.of("phone", "page", "page_size")),
        new QueryEndpoint("GET api-keys", "/api/v1/api-keys", page));
  }

  ObjectNode campaignBody() {
    ObjectNode body = obj("name", "Fuzz campaign");
    body.put("agentId", agent);
    body.put("phoneNumberId", number);
    body.put("fromPhoneNumber", "+14155550161");
    body.putArray("contactIds").add(contact);
    return body;
  }

  private ObjectNode bulkBody() {
    ObjectNode body = obj("on_duplicate", "skip");
    body.putArray("contacts").addObject().put("phone", uniquePhone());
    return body;
  }

  private ObjectNode createCallBody() {
    ObjectNode body = obj("type", "outbound_call");
    body.put("agent_id", agent);
    body.put("from_phone_number", "+14155550161");
    body.put("to_phone_number", uniquePhone());
    return body;
  }

  private ObjectNode obj(String field, Object value) {
    ObjectNode node = objectMapper.createObjectNode();
    node.set(field, objectMapper.valueToTree(value));
    return node;
  }

  private static BodyEndpoint body(
      String name, HttpMethod method, String path, Supplier<ObjectNode> base, List<String> fields) {
    return new BodyEndpoint(name, method, path, base, fields, Map.of(), Map.of());
  }

  /** A fresh valid US number: 555-01xx in a rotating area code, as libphonenumber accepts. */
  private static String uniquePhone() {
    int n = UNIQUE.incrementAndGet();
    return "+1" + AREAS[(n / 100) % AREAS.length] + "55501" + String.format("%02d", n % 100);
  }
}
