package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import ai.agni.campaigns.api.FuzzEndpoints.BodyEndpoint;
import ai.agni.campaigns.api.FuzzEndpoints.QueryEndpoint;
import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends a seeded-random set of hostile inputs to every endpoint that reads a body, a query or a
 * path id. Every answer must be a 4xx (or a 200 when the input happens to be valid), never a 5xx,
 * always the envelope, and a 400 must name the field it rejects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoServerErrorFuzzTest extends ApiTestSupport {

  private static final long SEED = 20260320L;
  private static final int VALUES_PER_FIELD = 14;
  private static final int RANDOM_MIXES = 25;
  private static final int RAW_BYTES_PER_FIELD = 3;
  private static final int RAW_BODIES = 8;
  private static final String RAW = "\"__RAW_BYTES__\"";
  private static final List<String> IMPORT_FIELDS =
      List.of("file", "body", "on_duplicate", "campaign_id");

  @Autowired JdbcClient jdbc;

  private TestOrg org;
  private String agent;
  private String number;
  private String contact;
  private String campaign;
  private FuzzEndpoints endpoints;
  private int requests;

  @BeforeAll
  void anOrganizationWithOneOfEverything() {
    org = newOrganization();
    agent = id(post(org, "/api/v1/agents", json("{'name':'Fuzz agent'}")).ok());
    number = id(post(org, "/api/v1/phone-numbers", json("{'phone_number':'+14155550161'}")).ok());
    contact = id(post(org, "/api/v1/contacts", json("{'phone':'+12125550161'}")).ok());
    ObjectNode create =
        new FuzzEndpoints(objectMapper, agent, number, contact, null).campaignBody();
    campaign = id(post(org, "/api/v1/campaigns", create.toString()).ok());
    endpoints = new FuzzEndpoints(objectMapper, agent, number, contact, campaign);
  }

  Stream<BodyEndpoint> bodyEndpoints() {
    return endpoints.bodyEndpoints();
  }

  Stream<QueryEndpoint> queryEndpoints() {
    return endpoints.queryEndpoints();
  }

  /**
   * Nothing the fuzz stored breaks the text rule, JSON columns included. why: H2 stores the NUL
   * that PostgreSQL refuses, so on H2 only this shows that one got through.
   */
  @AfterAll
  void nothingStoredBreaksTheTextRule() {
    List<String> found = new ArrayList<>();
    for (String table :
        List.of(
            "agents",
            "phone_numbers",
            "contacts",
            "dnc_numbers",
            "campaigns",
            "api_keys",
            "idempotency_keys")) {
      String sql = "SELECT * FROM " + table + " WHERE organization_id = ?";
      scan(found, table, jdbc.sql(sql).param(org.id()).query().listOfRows());
    }
    scan(found, "organizations", jdbc.sql("SELECT * FROM organizations").query().listOfRows());
    assertThat(found).isEmpty();
  }

  private void scan(List<String> found, String table, List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      row.forEach(
          (column, value) -> {
            if (value instanceof String text) {
              for (ApiError.FieldError bad : violations(text, table + "." + column)) {
                found.add(bad.field() + " " + bad.message() + " in row " + row.get("id"));
              }
            }
          });
    }
  }

  /** The text's violations, read as JSON when it is a stored JSON object or array. */
  private List<ApiError.FieldError> violations(String text, String column) {
    if (text.startsWith("{") || text.startsWith("[")) {
      try {
        return TextRule.violations(objectMapper.readTree(text), column);
      } catch (JacksonException notJson) {
        // plain text that starts like JSON
      }
    }
    String violation = TextRule.violation(text);
    return violation == null ? List.of() : List.of(new ApiError.FieldError(column, violation));
  }

  @AfterAll
  void ranAFewThousandRequests() {
    assertThat(requests).isBetween(2_000, 10_000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodyEndpoints")
  void hostileBodiesAreNeverAServerError(BodyEndpoint endpoint) {
    Random random = new Random(SEED ^ endpoint.name().hashCode());
    List<String> violations = new ArrayList<>();
    for (String raw : HostileInputs.bodies()) {
      check(violations, endpoint, raw, List.of(), MediaType.APPLICATION_JSON);
    }
    check(violations, endpoint, "{}", List.of(), MediaType.TEXT_PLAIN);
    check(violations, endpoint, "<a/>", List.of(), MediaType.APPLICATION_XML);
    for (String field : endpoint.fields()) {
      for (String value : sample(random, HostileInputs.values(), VALUES_PER_FIELD)) {
        String raw = withField(endpoint.base().get(), field, value, random.nextBoolean());
        check(violations, endpoint, raw, List.of(field), MediaType.APPLICATION_JSON);
      }
      ObjectNode both = endpoint.base().get();
      both.put(field, "a");
      both.put(JsonNames.snakeCase(field), "b");
      check(violations, endpoint, both.toString(), List.of(field), MediaType.APPLICATION_JSON);
    }
    endpoint
        .nested()
        .forEach((parent, fields) -> nested(violations, endpoint, parent, fields, random));
    for (int i = 0; i < RANDOM_MIXES; i++) {
      ObjectNode node = endpoint.base().get();
      List<String> fields = sample(random, endpoint.fields(), 1 + random.nextInt(3));
      for (String field : fields) {
        node.put(field, "__HOSTILE_" + field + "__");
      }
      String raw = node.toString();
      for (String field : fields) {
        String value =
            random.nextInt(4) == 0
                ? objectMapper.writeValueAsString(HostileInputs.randomText(random))
                : HostileInputs.values().get(random.nextInt(HostileInputs.values().size()));
        raw = raw.replace("\"__HOSTILE_" + field + "__\"", value);
      }
      check(violations, endpoint, raw, fields, MediaType.APPLICATION_JSON);
    }
    textRule(violations, endpoint, new Random(SEED ^ endpoint.name().hashCode() ^ 0x7E47));
    assertThat(violations).as("%d requests", requests).isEmpty();
  }

  /**
   * The text rule: every field gets NUL and lone surrogates as JSON escapes, and a few raw byte
   * sequences that are not UTF-8 (overlong NUL, encoded surrogates); the body as a whole gets them
   * too.
   */
  private void textRule(List<String> violations, BodyEndpoint endpoint, Random random) {
    for (byte[] body : sample(random, HostileInputs.rawBodies(), RAW_BODIES)) {
      check(violations, endpoint, body, List.of(), MediaType.APPLICATION_JSON);
    }
    for (String field : endpoint.fields()) {
      // why: the items of a bulk request are reported one by one, in a 200
      boolean itemByItem = endpoint.nested().containsKey(field + "[]");
      for (String value : HostileInputs.textRuleValues()) {
        String raw = withField(endpoint.base().get(), field, value, random.nextBoolean());
        ApiResult result =
            check(violations, endpoint, raw, List.of(field), MediaType.APPLICATION_JSON);
        if (!itemByItem) {
          refused(violations, endpoint.name() + " " + field + "=" + value, result);
        }
      }
      for (byte[] bytes : sample(random, HostileInputs.rawBytes(), RAW_BYTES_PER_FIELD)) {
        String raw = withField(endpoint.base().get(), field, RAW, random.nextBoolean());
        check(
            violations, endpoint, inString(raw, bytes), List.of(field), MediaType.APPLICATION_JSON);
      }
    }
    endpoint
        .nested()
        .forEach(
            (parent, fields) -> {
              boolean array = parent.endsWith("[]");
              String name = array ? parent.substring(0, parent.length() - 2) : parent;
              for (String field : fields) {
                for (String value : HostileInputs.textRuleValues()) {
                  String inner = "{\"" + casing(field, random.nextBoolean()) + "\":" + value + "}";
                  String raw =
                      withField(
                          endpoint.base().get(), name, array ? "[" + inner + "]" : inner, false);
                  check(violations, endpoint, raw, List.of(name), MediaType.APPLICATION_JSON);
                }
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queryEndpoints")
  void hostileQueriesAreNeverAServerError(QueryEndpoint endpoint) {
    List<String> violations = new ArrayList<>();
    for (String param : endpoint.params()) {
      for (String value : HostileInputs.queryValues()) {
        send(
            violations,
            endpoint.name(),
            HttpMethod.GET,
            endpoint.path() + separator(endpoint) + query(param, value),
            null,
            List.of(param));
      }
      for (String encoded : HostileInputs.encodedQueryValues()) {
        String path = endpoint.path() + separator(endpoint) + param + "=" + encoded;
        ApiResult result =
            send(violations, endpoint.name(), HttpMethod.GET, path, null, List.of(param));
        if (encoded.contains("%00")) {
          refused(violations, endpoint.name() + " " + param + "=" + encoded, result);
        }
      }
      for (String value : HostileInputs.unencodableQueryValues()) {
        MockHttpServletRequestBuilder builder =
            request(HttpMethod.GET, URI.create(endpoint.path()))
                .header("X-Api-Key", org.apiKey())
                .param(param, value);
        ApiResult result = perform(builder);
        String what = endpoint.name() + " " + param + "=<surrogate>";
        verify(violations, what, result, List.of(param));
        refused(violations, what, result);
      }
      String camel = JsonNames.camelCase(param);
      String twice = query(param, "1") + "&" + query(param, "2");
      send(
          violations,
          endpoint.name(),
          HttpMethod.GET,
          endpoint.path() + separator(endpoint) + twice,
          null,
          List.of(param, camel));
      if (!camel.equals(param)) {
        String both = query(param, "1") + "&" + query(camel, "2");
        send(
            violations,
            endpoint.name(),
            HttpMethod.GET,
            endpoint.path() + separator(endpoint) + both,
            null,
            List.of(param, camel));
      }
    }
    for (String name : List.of("x%00y", "%00", "%C0%80", "%ED%A0%80")) {
      String path = endpoint.path() + separator(endpoint) + name + "=1";
      send(violations, endpoint.name(), HttpMethod.GET, path, null, List.of());
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void infiniteNumbersAreBadRequestsNamingTheField() {
    post(org, "/api/v1/agents", "{\"name\":\"a\",\"ringDurationMs\":1e309}")
        .invalidField("ringDurationMs");
    patch(org, "/api/v1/campaigns/" + campaign, "{\"schedule\":{\"maxConcurrent\":-1e309}}")
        .invalidField("schedule.maxConcurrent");
    patch(org, "/api/v1/campaigns/" + campaign, "{\"schedule\":{\"windowDays\":[1,1e309]}}")
        .invalidField("schedule.windowDays[1]");
    patch(org, "/api/v1/campaigns/" + campaign, "{\"outboundMaxCps\":1e309}")
        .invalidField("outboundMaxCps");
  }

  @Test
  void hostilePathIdsAreNotFoundOrBadRequests() {
    List<String> violations = new ArrayList<>();
    String rename = json("{'name':'x'}");
    List<Object[]> templates =
        List.of(
            new Object[] {HttpMethod.GET, "/api/v1/agents/%s", null},
            new Object[] {HttpMethod.PATCH, "/api/v1/agents/%s", rename},
            new Object[] {
              HttpMethod.PATCH, "/api/v1/agents/%s/status", json("{'status':'active'}")
            },
            new Object[] {HttpMethod.DELETE, "/api/v1/agents/%s", null},
            new Object[] {HttpMethod.GET, "/api/v1/phone-numbers/%s", null},
            new Object[] {HttpMethod.DELETE, "/api/v1/phone-numbers/%s/release", null},
            new Object[] {HttpMethod.GET, "/api/v1/contacts/%s", null},
            new Object[] {HttpMethod.GET, "/api/v1/contacts/%s/detail", null},
            new Object[] {HttpMethod.PATCH, "/api/v1/contacts/%s", json("{'notes':'x'}")},
            new Object[] {HttpMethod.DELETE, "/api/v1/contacts/%s", null},
            new Object[] {HttpMethod.GET, "/api/v1/campaigns/%s", null},
            new Object[] {HttpMethod.PATCH, "/api/v1/campaigns/%s", rename},
            new Object[] {HttpMethod.DELETE, "/api/v1/campaigns/%s", null},
            new Object[] {HttpMethod.POST, "/api/v1/campaigns/%s/start", null},
            new Object[] {HttpMethod.POST, "/api/v1/campaigns/%s/pause", null},
            new Object[] {HttpMethod.POST, "/api/v1/campaigns/%s/resume", null},
            new Object[] {HttpMethod.POST, "/api/v1/campaigns/%s/complete", null},
            new Object[] {HttpMethod.GET, "/api/v1/campaigns/%s/contacts", null},
            new Object[] {
              HttpMethod.POST, "/api/v1/campaigns/%s/contacts", json("{'contactIds':[]}")
            },
            new Object[] {
              HttpMethod.DELETE, "/api/v1/campaigns/%s/contacts", json("{'contactIds':[]}")
            },
            new Object[] {HttpMethod.GET, "/api/v1/calling/call-sessions-detail/%s", null},
            new Object[] {HttpMethod.DELETE, "/api/v1/api-keys/%s", null},
            new Object[] {HttpMethod.DELETE, "/api/v1/dnc/%s", null});
    for (Object[] template : templates) {
      for (String segment : HostileInputs.pathSegments()) {
        String path = ((String) template[1]).formatted(segment);
        ApiResult result =
            send(violations, path, (HttpMethod) template[0], path, (String) template[2], List.of());
        if (result != null && result.status() != 404 && result.status() != 400) {
          violations.add(template[0] + " " + path + ": expected 404, got " + result.status());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void hostileCsvImportsAreNeverAServerError() {
    List<String> violations = new ArrayList<>();
    List<String> csvs =
        List.of(
            "",
            "\n",
            "phone\n",
            "name\nx\n",
            "phone,phone\n+12125550100,+12125550101\n",
            "phone\n\"unterminated\n",
            "phone,first_name\n+12125550100,\u0000\n",
            "phone,metadata\n+12125550100," + HostileInputs.LONG + "\n",
            "\uFEFFphone\n+12125550199\n",
            "phone,timezone,email\nnot a phone,Mars/Olympus,@@\n",
            "p\u0000hone\n1\n",
            "phone," + "c,".repeat(5_000) + "\n1\n",
            "\u0000\u0001\u0002\u00ff");
    for (String csv : csvs) {
      for (String query :
          List.of(
              "",
              "?on_duplicate=NOT_A_VALUE",
              "?campaign_id=not-a-uuid",
              "?campaign_id=00000000-0000-0000-0000-000000000000",
              "?campaign_id=" + campaign)) {
        String path = "/api/v1/contacts/import" + query;
        MockHttpServletRequestBuilder text =
            request(HttpMethod.POST, URI.create(path))
                .header("X-Api-Key", org.apiKey())
                .contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8));
        verify(violations, "text/csv " + path, perform(text), IMPORT_FIELDS);
        MockMultipartFile file =
            new MockMultipartFile(
                "file", "c.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        verify(
            violations,
            "multipart " + path,
            perform(multipart(URI.create(path)).file(file).header("X-Api-Key", org.apiKey())),
            IMPORT_FIELDS);
      }
    }
    for (byte[] csv : HostileInputs.rawCsvs()) {
      for (String query : List.of("", "?campaign_id=" + campaign)) {
        csvUpload(violations, "/api/v1/contacts/import" + query, csv);
      }
    }
    for (String value : List.of("\u0000", "a\u0000b", "\uD800", "\uDE00\uD83D")) {
      for (String field : List.of("campaign_id", "on_duplicate")) {
        MockMultipartFile file =
            new MockMultipartFile("file", "c.csv", "text/csv", "phone\n+12125550100\n".getBytes());
        verify(
            violations,
            "multipart field " + field,
            perform(
                multipart(URI.create("/api/v1/contacts/import"))
                    .file(file)
                    .param(field, value)
                    .header("X-Api-Key", org.apiKey())),
            List.of(field));
      }
    }
    MockMultipartFile wrongPart =
        new MockMultipartFile("upload", "c.csv", "text/csv", "phone\n1\n".getBytes());
    verify(
        violations,
        "multipart without file",
        perform(
            multipart(URI.create("/api/v1/contacts/import"))
                .file(wrongPart)
                .header("X-Api-Key", org.apiKey())),
        List.of("file"));
    assertThat(violations).isEmpty();
  }

  /** One CSV upload of raw bytes, as a text/csv body and as a multipart file. */
  private void csvUpload(List<String> violations, String path, byte[] csv) {
    MockHttpServletRequestBuilder text =
        request(HttpMethod.POST, URI.create(path))
            .header("X-Api-Key", org.apiKey())
            .contentType("text/csv")
            .content(csv);
    verify(violations, "text/csv " + path + " " + hex(csv), perform(text), IMPORT_FIELDS);
    MockMultipartFile file = new MockMultipartFile("file", "c.csv", "text/csv", csv);
    verify(
        violations,
        "multipart " + path + " " + hex(csv),
        perform(multipart(URI.create(path)).file(file).header("X-Api-Key", org.apiKey())),
        IMPORT_FIELDS);
  }

  @Test
  void hostileHeadersAreNeverAServerError() {
    List<String> violations = new ArrayList<>();
    for (String value :
        List.of(
            "",
            "x",
            HostileInputs.LONG.substring(0, 10_000),
            "\u00ff\u00fe",
            "a\u0000b",
            "\uD800",
            "2026-13-45T00:00:00Z")) {
      MockHttpServletRequestBuilder create =
          request(HttpMethod.POST, URI.create("/api/v1/campaigns"))
              .header("X-Api-Key", org.apiKey())
              .header("Idempotency-Key", value)
              .contentType(MediaType.APPLICATION_JSON)
              .content(endpoints.campaignBody().toString());
      verify(
          violations,
          "Idempotency-Key " + value.length(),
          perform(create),
          List.of("Idempotency-Key"));
      MockHttpServletRequestBuilder update =
          request(HttpMethod.PATCH, URI.create("/api/v1/campaigns/" + campaign))
              .header("X-Api-Key", org.apiKey())
              .header("If-Match", value)
              .contentType(MediaType.APPLICATION_JSON)
              .content(json("{'name':'x'}"));
      verify(violations, "If-Match " + value.length(), perform(update), List.of("If-Match"));
      MockHttpServletRequestBuilder key =
          request(HttpMethod.GET, URI.create("/api/v1/agents")).header("X-Api-Key", value);
      verify(violations, "X-Api-Key " + value.length(), perform(key), List.of());
    }
    assertThat(violations).isEmpty();
  }

  private void nested(
      List<String> violations,
      BodyEndpoint endpoint,
      String parent,
      List<String> fields,
      Random random) {
    boolean array = parent.endsWith("[]");
    String name = array ? parent.substring(0, parent.length() - 2) : parent;
    for (String field : fields) {
      for (String value : sample(random, HostileInputs.values(), VALUES_PER_FIELD)) {
        String inner = "{\"" + casing(field, random.nextBoolean()) + "\":" + value + "}";
        String raw =
            withField(endpoint.base().get(), name, array ? "[" + inner + "]" : inner, false);
        check(violations, endpoint, raw, List.of(name), MediaType.APPLICATION_JSON);
      }
    }
    for (String special :
        List.of(
            "null",
            "{\"windowDays\":[null]}",
            "{\"unknownLimit\":1}",
            "[null]",
            "{\"windowDays\":null,\"timezone\":null}")) {
      String raw = withField(endpoint.base().get(), name, special, false);
      check(violations, endpoint, raw, List.of(name), MediaType.APPLICATION_JSON);
    }
  }

  private ApiResult check(
      List<String> violations,
      BodyEndpoint endpoint,
      String raw,
      List<String> fields,
      MediaType type) {
    return check(
        violations, endpoint, abbreviate(raw), raw.getBytes(StandardCharsets.UTF_8), fields, type);
  }

  private ApiResult check(
      List<String> violations,
      BodyEndpoint endpoint,
      byte[] raw,
      List<String> fields,
      MediaType type) {
    return check(violations, endpoint, hex(raw), raw, fields, type);
  }

  private ApiResult check(
      List<String> violations,
      BodyEndpoint endpoint,
      String label,
      byte[] raw,
      List<String> fields,
      MediaType type) {
    MockHttpServletRequestBuilder builder =
        request(endpoint.method(), URI.create(endpoint.path()))
            .header("X-Api-Key", org.apiKey())
            .contentType(type)
            .content(raw);
    endpoint.headers().forEach(builder::header);
    ApiResult result = perform(builder);
    verify(violations, endpoint.name() + " " + label, result, fields);
    return result;
  }

  /** Text breaking the text rule where a whole request is refused: a 400, never stored. */
  private static void refused(List<String> violations, String what, ApiResult result) {
    if (result.status() != 400) {
      violations.add(what + " -> " + result.status() + ": text breaking the rule was not a 400");
    }
  }

  /** The JSON text with {@link #RAW} replaced by a string holding these raw bytes. */
  private static byte[] inString(String json, byte[] bytes) {
    int at = json.indexOf(RAW);
    return HostileInputs.concat(
        (json.substring(0, at) + "\"a").getBytes(StandardCharsets.UTF_8),
        bytes,
        ("b\"" + json.substring(at + RAW.length())).getBytes(StandardCharsets.UTF_8));
  }

  /** A byte body for a failure message: printable ASCII as is, other bytes as {@code <C0>}. */
  private static String hex(byte[] raw) {
    StringBuilder out = new StringBuilder();
    for (byte b : raw) {
      out.append(b >= 32 && b < 127 ? String.valueOf((char) b) : String.format("<%02X>", b));
    }
    return abbreviate(out.toString());
  }

  private ApiResult send(
      List<String> violations,
      String name,
      HttpMethod method,
      String path,
      String body,
      List<String> fields) {
    MockHttpServletRequestBuilder builder =
        request(method, URI.create(path)).header("X-Api-Key", org.apiKey());
    if (body != null) {
      builder.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    ApiResult result = perform(builder);
    verify(violations, name + " " + abbreviate(path), result, fields);
    return result;
  }

  /** The contract every answer keeps, recorded as a violation instead of stopping at the first. */
  private void verify(List<String> violations, String what, ApiResult result, List<String> fields) {
    requests++;
    String problem = AnswerContract.problem(result, fields);
    if (problem != null) {
      violations.add(
          what + " -> " + result.status() + " " + abbreviate(result.rawBody()) + ": " + problem);
    }
  }

  private String withField(ObjectNode base, String field, String rawValue, boolean snake) {
    String sent =
        base.has(JsonNames.snakeCase(field))
            ? JsonNames.snakeCase(field)
            : base.has(field) ? field : casing(field, snake);
    base.remove(field);
    base.remove(JsonNames.snakeCase(field));
    base.put(sent, "__HOSTILE__");
    return base.toString().replace("\"__HOSTILE__\"", rawValue);
  }

  static String casing(String camel, boolean snake) {
    return snake ? JsonNames.snakeCase(camel) : camel;
  }

  private static String separator(QueryEndpoint endpoint) {
    return endpoint.path().contains("?") ? "&" : "?";
  }

  private static String query(String param, String value) {
    return param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static <T> List<T> sample(Random random, List<T> from, int count) {
    List<T> copy = new ArrayList<>(from);
    java.util.Collections.shuffle(copy, random);
    return copy.subList(0, Math.min(count, copy.size()));
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 160 ? text : text.substring(0, 160) + "…";
  }

  private static String id(JsonNode data) {
    return data.get("id").asString();
  }
}
