package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/** The operations endpoints of docs/api.md §10 answer without an API key. */
class OpsEndpointsTest extends ApiTestSupport {

  @Test
  void openApiDocumentListsTheApiPathsAndTheKeyScheme() throws Exception {
    MockHttpServletResponse response = raw("/v3/api-docs");
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    JsonNode doc = objectMapper.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(doc.get("openapi").asString()).startsWith("3.");
    assertThat(doc.get("paths").propertyNames())
        .contains("/api/v1/health", "/api/v1/calling/call-sessions")
        .doesNotContain("/error");
    assertThat(doc.at("/components/securitySchemes/ApiKey/name").asString()).isEqualTo("X-Api-Key");
  }

  @Test
  void swaggerUiAnswers() throws Exception {
    MockHttpServletResponse response = raw("/swagger-ui.html");
    assertThat(response.getStatus()).isIn(200, 301, 302);
    if (response.getStatus() != 200) {
      assertThat(response.getRedirectedUrl()).contains("swagger-ui");
      MockHttpServletResponse page = raw(response.getRedirectedUrl());
      assertThat(page.getStatus()).isEqualTo(200);
      assertThat(page.getContentAsString()).containsIgnoringCase("swagger");
    }
  }

  @Test
  void prometheusMetricsAreText() throws Exception {
    MockHttpServletResponse response = raw("/actuator/prometheus");
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("text/plain");
    assertThat(response.getContentAsString()).contains("jvm_");
  }

  private MockHttpServletResponse raw(String path) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse();
  }
}
