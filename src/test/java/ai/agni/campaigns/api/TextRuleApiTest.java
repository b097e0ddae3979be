package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The text rule of docs/api.md §1.11 in JSON bodies, query parameters and paths: a NUL or an
 * unpaired surrogate anywhere is a 400 naming the field, and nothing is stored. Run on H2 and, by
 * its subclass, on PostgreSQL, which cannot store NUL at all. CSV cells and bulk items are tested
 * with their features (ContactImportApiTest, ContactBulkApiTest).
 */
class TextRuleApiTest extends ApiTestSupport {

  @Autowired JdbcClient jdbc;

  @Test
  void aJsonBodyHoldingBadTextIsABadRequestNamingTheFieldAndNothingIsStored() {
    TestOrg org = newOrganization();
    post(org, "/api/v1/agents", "{\"name\":\"Ada\\u0000\"}").invalidField("name");
    post(org, "/api/v1/agents", "{\"name\":\"a\",\"prompt\":\"\\ud800\"}").invalidField("prompt");
    post(org, "/api/v1/agents", "{\"name\":\"a\",\"voice\":{\"ids\":[\"ok\",\"\\udc00\"]}}")
        .invalidField("voice.ids[1]");
    post(org, "/api/v1/contacts", "{\"phone\":\"4155550100\",\"first_name\":\"\\u0000\"}")
        .invalidField("first_name");
    post(
            org,
            "/api/v1/contacts",
            "{\"phone\":\"4155550100\",\"customVariables\":{\"n\":\"\\u0000\"}}")
        .invalidField("customVariables.n");
    post(org, "/api/v1/contacts", "{\"phone\":\"4155550100\",\"x\\u0000\":1}")
        .invalidField("x\\u0000");
    post(org, "/api/v1/api-keys", "{\"name\":\"key\\u0000\"}").invalidField("name");
    post(
            org,
            "/api/v1/phone-numbers",
            "{\"phone_number\":\"+14155550161\",\"friendly_name\":\"Main\\u0000\"}")
        .invalidField("friendly_name");
    assertThat(rows(org, "agents")).isZero();
    assertThat(rows(org, "contacts")).isZero();
    assertThat(rows(org, "phone_numbers")).isZero();
    assertThat(rows(org, "api_keys")).isEqualTo(1);
  }

  @Test
  void everyViolationOfABodyIsListed() {
    TestOrg org = newOrganization();
    JsonNode error =
        post(org, "/api/v1/agents", "{\"name\":\"\\u0000\",\"prompt\":\"a\\ud800b\"}")
            .invalidField("name");
    assertThat(error.get("errors").findValuesAsString("field")).containsExactly("name", "prompt");
    assertThat(error.get("errors").findValuesAsString("message"))
        .allSatisfy(message -> assertThat(message).startsWith("must not contain"));
  }

  @Test
  void anUpdateWithBadTextChangesNothing() {
    TestOrg org = newOrganization();
    String agent =
        post(org, "/api/v1/agents", "{\"name\":\"a\",\"prompt\":\"p\"}").ok().get("id").asString();
    patch(org, "/api/v1/agents/" + agent, "{\"prompt\":\"p\\u0000\"}").invalidField("prompt");
    String contact =
        post(org, "/api/v1/contacts", "{\"phone\":\"4155550100\"}").ok().get("id").asString();
    patch(org, "/api/v1/contacts/" + contact, "{\"notes\":\"\\ud800\"}").invalidField("notes");
    assertThat(get(org, "/api/v1/agents/" + agent).ok().get("prompt").asString()).isEqualTo("p");
    assertThat(get(org, "/api/v1/contacts/" + contact).ok().get("notes").isNull()).isTrue();
  }

  @Test
  void invalidUtf8InAJsonBodyIsABadRequestAndNothingIsStored() {
    TestOrg org = newOrganization();
    byte[][] bad = {
      {(byte) 0xC0, (byte) 0x80}, // overlong NUL
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a lone surrogate, UTF-8 encoded
      {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80}, // CESU-8
      {(byte) 0xFF},
      {(byte) 0xE2, (byte) 0x82} // truncated
    };
    for (byte[] value : bad) {
      ApiResult result =
          perform(
              request(HttpMethod.POST, URI.create("/api/v1/agents"))
                  .header("X-Api-Key", org.apiKey())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(bytes("{\"name\":\"a", value, "b\"}")));
      assertThat(result.status()).as(result.rawBody()).isEqualTo(400);
      assertThat(result.json().get("errors").findValuesAsString("field"))
          .as(result.rawBody())
          .containsAnyOf("name", "body");
    }
    assertThat(rows(org, "agents")).isZero();
  }

  @Test
  void aQueryParameterHoldingBadTextIsABadRequestNamingIt() {
    TestOrg org = newOrganization();
    send(org, HttpMethod.GET, "/api/v1/contacts?search=%00").invalidField("search");
    send(org, HttpMethod.GET, "/api/v1/contacts?search=a%00b&limit=5").invalidField("search");
    send(org, HttpMethod.GET, "/api/v1/agents?limit=5&unread=%00").invalidField("unread");
    send(org, HttpMethod.GET, "/api/v1/agents?li%00mit=5").invalidField("li\\u0000mit");
    send(org, HttpMethod.GET, "/api/v1/calling/call-sessions?caller_number=%00")
        .invalidField("caller_number");
    perform(
            request(HttpMethod.GET, URI.create("/api/v1/contacts"))
                .header("X-Api-Key", org.apiKey())
                .param("search", "\uD800"))
        .invalidField("search");
    send(org, HttpMethod.GET, "/api/v1/contacts?search=%F0%9F%98%80").ok();
  }

  @Test
  void aPathHoldingNulIsABadRequest() {
    TestOrg org = newOrganization();
    send(org, HttpMethod.GET, "/api/v1/contacts/%00").invalidField("path");
    send(org, HttpMethod.DELETE, "/api/v1/dnc/%2B1415555%000100").invalidField("path");
    send(org, HttpMethod.DELETE, "/api/v1/phone-numbers/%2B1415%00/release").invalidField("path");
  }

  /** A request to a path sent as written: percent escapes are not encoded again. */
  private ApiResult send(TestOrg org, HttpMethod method, String path) {
    return perform(request(method, URI.create(path)).header("X-Api-Key", org.apiKey()));
  }

  private long rows(TestOrg org, String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE organization_id = ?")
        .param(org.id())
        .query(Long.class)
        .single();
  }

  private static byte[] bytes(String before, byte[] raw, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(raw);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
