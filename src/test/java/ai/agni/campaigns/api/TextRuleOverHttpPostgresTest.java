package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The text rule through the real servlet container on PostgreSQL, as the built jar runs: Tomcat
 * decodes percent escapes and request bytes itself, which MockMvc does not, so this is where {@code
 * %00} in a path or a query, and bytes that are not UTF-8, are seen as a client sends them.
 */
@PostgresTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"agni.dialer.enabled=false", "agni.data-dir=target/test-data"})
class TextRuleOverHttpPostgresTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired OrganizationService organizations;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void nulInAQueryParameterIsABadRequestNamingIt() throws Exception {
    String key = newKey();
    Answer answer = get(key, "/api/v1/contacts?search=a%00b");
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.fields()).containsExactly("search");
  }

  @Test
  void bytesThatAreNotUtf8InAQueryAreABadRequestNamingTheParameter() throws Exception {
    String key = newKey();
    for (String value : HostileInputs.encodedQueryValues()) {
      Answer answer = get(key, "/api/v1/contacts?limit=5&search=" + value);
      assertThat(answer.status()).as(value + " " + answer.body()).isEqualTo(400);
      assertThat(answer.fields()).as(value).containsExactly("search");
    }
    Answer name = get(key, "/api/v1/contacts?se%C0%80arch=x");
    assertThat(name.status()).as(name.body()).isEqualTo(400);
    assertThat(name.fields()).containsExactly("se\uFFFD\uFFFDarch");
  }

  /**
   * Tomcat itself refuses {@code %00} in a path (400, with its own page, before any filter); a
   * container that lets it through meets {@link ParameterTextFilter}, which answers 400 naming
   * {@code path}.
   */
  @Test
  void nulInAPathIsAClientError() throws Exception {
    String key = newKey();
    for (String path : new String[] {"/api/v1/contacts/%00", "/api/v1/dnc/%2B1415555%000100"}) {
      Answer answer = get(key, path);
      assertThat(answer.status()).as(path + " " + answer.body()).isBetween(400, 499);
    }
  }

  @Test
  void anOverlongNulInAJsonBodyIsABadRequestNamingTheField() throws Exception {
    String key = newKey();
    byte[] body = bytes("{\"name\":\"Ada", new byte[] {(byte) 0xC0, (byte) 0x80}, "\"}");
    Answer answer = post(key, "/api/v1/agents", "application/json", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.fields()).containsExactly("name");
  }

  @Test
  void aCsvRowWithBadBytesIsRejectedAndTheOthersAreKept() throws Exception {
    String key = newKey();
    byte[] csv =
        bytes(
            "phone,first_name\n4155550100,Ada\n4155550101,B",
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            "\n4155550102,C\u0000\n4155550103,Dee\n");
    Answer answer = post(key, "/api/v1/contacts/import", "text/csv", csv);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode report = answer.json().get("data");
    assertThat(report.get("imported").asInt()).isEqualTo(2);
    assertThat(report.get("rejected").asInt()).isEqualTo(2);
    assertThat(report.get("errors").findValuesAsString("field"))
        .containsExactly("first_name", "first_name");
    assertThat(
            jdbc.sql(
                    "SELECT first_name FROM contacts WHERE phone LIKE '+1415555010_' ORDER BY phone")
                .query(String.class)
                .list())
        .containsExactly("Ada", "Dee");
  }

  @Test
  void nulInAMultipartTextFieldIsABadRequestNamingIt() throws Exception {
    String key = newKey();
    String boundary = "agni-boundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"campaign_id\"\r\n\r\nx\u0000y\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nphone\n4155550199\n\r\n--"
            + boundary
            + "--\r\n";
    Answer answer =
        post(
            key,
            "/api/v1/contacts/import",
            "multipart/form-data; boundary=" + boundary,
            body.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.fields()).containsExactly("campaign_id");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM contacts WHERE phone = '+14155550199'")
                .query(Long.class)
                .single())
        .isZero();
  }

  private String newKey() {
    return organizations.create("Org " + UUID.randomUUID(), "US", 100, 10).apiKey();
  }

  private Answer get(String key, String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", key).GET().build());
  }

  private Answer post(String key, String path, String type, byte[] body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("X-Api-Key", key)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Answer send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), json);
  }

  private static byte[] bytes(String before, byte[] raw, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(raw);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private record Answer(int status, String body, ObjectMapper mapper) {
    JsonNode json() {
      return mapper.readTree(body);
    }

    java.util.List<String> fields() {
      return json().path("errors").findValuesAsString("field");
    }
  }
}
