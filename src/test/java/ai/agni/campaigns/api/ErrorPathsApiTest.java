package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.testsupport.RawHttp;
import ai.agni.campaigns.testsupport.RawHttp.Answer;
import jakarta.servlet.RequestDispatcher;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the server itself answers, on a real port and through a raw socket: {@code /error}, unknown
 * paths, and request targets the servlet container refuses before any filter runs. Every answer is
 * the error envelope with a 4xx and {@code Cache-Control: no-store}; never a 500, never HTML.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:error-paths;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "agni.dialer.enabled=false",
      "agni.data-dir=target/test-data"
    })
@AutoConfigureMockMvc
public class ErrorPathsApiTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired OrganizationService organizations;
  @Autowired ObjectMapper objectMapper;

  private String key;

  @BeforeEach
  void anOrganization() {
    key = organizations.create("Org " + UUID.randomUUID(), "US", 10, 1).apiKey();
  }

  @Test
  void theErrorPathIsAnUnknownPath() throws Exception {
    envelope(get("/error"), 404, "NOT_FOUND");
    envelope(RawHttp.send(port, "POST", "/error", "Content-Length: 0"), 404, "NOT_FOUND");
    envelope(get("/error", "Accept: text/html"), 404, "NOT_FOUND");
    envelope(get("/error/"), 404, "NOT_FOUND");
  }

  @Test
  void unknownPathsInsideAndOutsideTheApiAre404() throws Exception {
    envelope(get("/api/v1/nope", "X-Api-Key: " + key), 404, "NOT_FOUND");
    envelope(get("/api/v1/nope"), 401, "UNAUTHORIZED");
    envelope(get("/nope"), 404, "NOT_FOUND");
    envelope(get("/api/v2/campaigns"), 404, "NOT_FOUND");
  }

  @Test
  void malformedPathsAre400() throws Exception {
    String[] targets = {
      "/api/v1/campaigns/%ZZ",
      "/api/v1/campaigns/%",
      "/api/v1/campaigns/%00",
      "/api/v1/campaigns/a%00b",
      "/api/v1/campaigns/%C0%AF",
      "/api/v1/campaigns/..%2Fagents",
      "/api/v1/campaigns\\x",
      "/api/v1/campaigns;x=1",
      "/api/v1/health;x",
      "/api/v1/admin/..;/campaigns",
      "/nope;jsessionid=1",
      "/nope/%00",
      "/%ZZ",
    };
    for (String target : targets) {
      envelope(get(target, "X-Api-Key: " + key), 400, "INVALID_REQUEST");
    }
  }

  @Test
  void aPathParameterNamesThePath() throws Exception {
    JsonNode body =
        envelope(get("/api/v1/campaigns;x=1", "X-Api-Key: " + key), 400, "INVALID_REQUEST");
    assertThat(body.get("errors").findValuesAsString("field")).containsExactly("path");
  }

  @Test
  void anUnreadableQueryIs400NamingTheParameter() throws Exception {
    String[][] cases = {
      {"x=%ZZ", "x"}, {"limit=%", "limit"}, {"x=%C0%AF", "x"}, {"a=1&%ZZ=2", "%ZZ"}
    };
    for (String[] one : cases) {
      JsonNode body =
          envelope(get("/api/v1/campaigns?" + one[0], "X-Api-Key: " + key), 400, "INVALID_REQUEST");
      assertThat(body.get("errors").findValuesAsString("field")).as(one[0]).containsExactly(one[1]);
    }
  }

  @Test
  void anOversizeHeaderIs400() throws Exception {
    envelope(get("/api/v1/campaigns", "X-Big: " + "a".repeat(20_000)), 400, "INVALID_REQUEST");
  }

  @Test
  void anErrorTheContainerForwardsKeepsItsStatusInTheEnvelope() throws Exception {
    forwarded(400, null, 400, "INVALID_REQUEST");
    forwarded(404, null, 404, "NOT_FOUND");
    forwarded(413, null, 413, "INVALID_REQUEST");
    forwarded(503, null, 503, "UNAVAILABLE");
    forwarded(500, new IllegalStateException("boom"), 500, "INTERNAL_ERROR");
  }

  private void forwarded(int status, Throwable failure, int expected, String code)
      throws Exception {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.get("/error")
            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/somewhere");
    if (failure != null) {
      request.requestAttr(RequestDispatcher.ERROR_EXCEPTION, failure);
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    Answer answer =
        new Answer(
            response.getStatus(),
            java.util.Map.of(
                "content-type", String.valueOf(response.getContentType()),
                "cache-control", String.valueOf(response.getHeader("Cache-Control"))),
            response.getContentAsString());
    envelope(answer, expected, code);
    if (expected == 503) {
      assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }
  }

  private Answer get(String target, String... headers) throws Exception {
    return RawHttp.send(port, "GET", target, headers);
  }

  private JsonNode envelope(Answer answer, int status, String code) {
    String what = answer.status() + " " + answer.body();
    assertThat(answer.status()).as(what).isEqualTo(status);
    assertThat(answer.header("Content-Type")).as(what).startsWith("application/json");
    assertThat(answer.header("Cache-Control")).as(what).isEqualTo("no-store");
    JsonNode body = objectMapper.readTree(answer.body());
    assertThat(body.get("success").asBoolean()).as(what).isFalse();
    assertThat(body.get("code").asString()).as(what).isEqualTo(code);
    assertThat(body.get("message").asString()).as(what).isNotBlank();
    assertThat(body.get("errors").isArray()).as(what).isTrue();
    return body;
  }
}
