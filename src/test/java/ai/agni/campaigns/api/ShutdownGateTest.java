package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From the start of a shutdown the node takes no new work: every request answers 503 with the
 * envelope and closes its connection, except the call events HTTP runtimes send to end the calls
 * being drained. Before it, requests pass.
 */
class ShutdownGateTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final ShutdownGate gate = new ShutdownGate(json);

  @Test
  void requestsPassUntilTheShutdownBegins() throws Exception {
    MockFilterChain chain = new MockFilterChain();
    gate.doFilter(request("GET", "/api/v1/campaigns"), new MockHttpServletResponse(), chain);

    assertThat(chain.getRequest()).isNotNull();
  }

  @Test
  void fromTheShutdownOnEveryRequestButCallEventsAnswers503() throws Exception {
    gate.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));

    for (String path : new String[] {"/api/v1/campaigns", "/api/v1/health", "/v3/api-docs"}) {
      MockFilterChain chain = new MockFilterChain();
      MockHttpServletResponse response = new MockHttpServletResponse();
      gate.doFilter(request("GET", path), response, chain);

      assertThat(chain.getRequest()).as("%s reaches no controller", path).isNull();
      assertThat(response.getStatus()).isEqualTo(503);
      assertThat(response.getHeader("Connection")).isEqualTo("close");
      JsonNode body = json.readTree(response.getContentAsString());
      assertThat(body.path("success").asBoolean(true)).isFalse();
      assertThat(body.path("code").asString()).isEqualTo("UNAVAILABLE");
      assertThat(body.path("message").asString()).contains("shutting down");
    }
    for (String path :
        new String[] {"/api/v1/calling/call-events", "/api/v1/calling/call-events/"}) {
      MockFilterChain chain = new MockFilterChain();
      gate.doFilter(request("POST", path), new MockHttpServletResponse(), chain);

      assertThat(chain.getRequest()).as("%s still reaches its controller", path).isNotNull();
    }
  }

  private static MockHttpServletRequest request(String method, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRequestURI(path);
    return request;
  }
}
