package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport;
import ai.agni.campaigns.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The rate limits of docs/api.md §1.12, with low limits and a clock the test moves: a key over its
 * rate answers 429 with {@code Retry-After} until time passes; an address that failed to
 * authenticate 20 times answers 429 to further failures while valid keys and other addresses are
 * served.
 */
@Import(RateLimitApiTest.Clocks.class)
@TestPropertySource(
    properties = {
      "agni.rate-limit.per-key=5",
      "agni.rate-limit.burst=10",
      "agni.rate-limit.failed-auth-per-minute=20"
    })
public class RateLimitApiTest extends ApiTestSupport {

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  /** The clock the limiter reads; the tests move it instead of sleeping. */
  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-03-20T10:00:00Z"));
    }
  }

  @Autowired MutableClock clock;

  private String address;

  @BeforeEach
  void aClientAddressOfItsOwn() {
    // why: the limits are per address and the context is shared; each test is its own client.
    address = "10.20." + ADDRESSES.incrementAndGet() + ".1";
  }

  @Test
  void aKeyOverItsBurstIsAnswered429WithRetryAfterUntilTheClockMovesOn() throws Exception {
    TestOrg org = newOrganization();
    for (int i = 0; i < 10; i++) {
      assertThat(send(list(org.apiKey())).getStatus()).as("request %d", i + 1).isEqualTo(200);
    }

    MockHttpServletResponse limited = send(list(org.apiKey()));
    JsonNode body = rateLimited(limited);
    assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
    assertThat(body.get("message").asString()).contains("API key", "5 per second");

    TestOrg other = newOrganization();
    assertThat(send(list(other.apiKey())).getStatus()).as("another key").isEqualTo(200);

    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 5; i++) {
      assertThat(send(list(org.apiKey())).getStatus()).as("after 1 s, %d", i + 1).isEqualTo(200);
    }
    rateLimited(send(list(org.apiKey())));

    clock.advance(Duration.ofMinutes(1));
    assertThat(send(list(org.apiKey())).getStatus()).isEqualTo(200);
  }

  @Test
  void healthAndCallEventsAreNotCountedAgainstAKey() throws Exception {
    TestOrg org = newOrganization();
    for (int i = 0; i < 10; i++) {
      send(list(org.apiKey()));
    }
    rateLimited(send(list(org.apiKey())));

    assertThat(
            send(MockMvcRequestBuilders.get("/api/v1/health").header("X-Api-Key", org.apiKey()))
                .getStatus())
        .isEqualTo(200);
    MockHttpServletResponse event =
        send(
            MockMvcRequestBuilders.post("/api/v1/calling/call-events")
                .header("X-Api-Key", org.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"session_id\":\"x\",\"status\":\"ringing\"}"));
    assertThat(event.getStatus()).as("unsigned call event").isEqualTo(401);
  }

  @Test
  void twentyFailedAuthenticationsFromOneAddressMakeItsFurtherFailures429() throws Exception {
    TestOrg org = newOrganization();
    for (int i = 0; i < 20; i++) {
      MockHttpServletResponse wrong = send(list("agni_wrong_" + i));
      assertThat(wrong.getStatus()).as("failure %d", i + 1).isEqualTo(401);
      assertThat(wrong.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    MockHttpServletResponse limited = send(list("agni_wrong_21"));
    JsonNode body = rateLimited(limited);
    assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);
    assertThat(body.get("message").asString()).contains("failed authentications");
    rateLimited(send(MockMvcRequestBuilders.get("/api/v1/campaigns").with(from(address))));

    assertThat(send(list(org.apiKey())).getStatus()).as("valid key, same address").isEqualTo(200);
    assertThat(send(MockMvcRequestBuilders.get("/api/v1/health").with(from(address))).getStatus())
        .isEqualTo(200);
    String neighbour = address.substring(0, address.lastIndexOf('.')) + ".2";
    assertThat(send(list("agni_wrong").with(from(neighbour))).getStatus())
        .as("another address")
        .isEqualTo(401);

    clock.advance(Duration.ofMinutes(1));
    assertThat(send(list("agni_wrong_again")).getStatus()).isEqualTo(401);
  }

  @Test
  void badlySignedCallEventsStay401() throws Exception {
    for (int i = 0; i < 25; i++) {
      MockHttpServletResponse event =
          send(
              MockMvcRequestBuilders.post("/api/v1/calling/call-events")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"session_id\":\"x\",\"status\":\"ringing\"}")
                  .with(from(address)));
      assertThat(event.getStatus()).as("event %d", i + 1).isEqualTo(401);
    }
  }

  @Test
  void aWrongAdminTokenIsAFailedAuthenticationToo() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(send(createOrganization("wrong")).getStatus()).isEqualTo(401);
    }
    rateLimited(send(createOrganization("wrong")));
    assertThat(send(createOrganization("test-admin-token")).getStatus()).isEqualTo(200);
  }

  @Test
  void successErrorUnauthorizedAndRateLimitedAnswersSayNoStore() throws Exception {
    TestOrg org = newOrganization();
    MockHttpServletResponse success = send(list(org.apiKey()));
    MockHttpServletResponse error =
        send(
            MockMvcRequestBuilders.get("/api/v1/agents/" + UUID.randomUUID())
                .header("X-Api-Key", org.apiKey()));
    MockHttpServletResponse unauthorized =
        send(MockMvcRequestBuilders.get("/api/v1/campaigns").with(from(address)));
    MockHttpServletResponse issuedKey = send(createOrganization("test-admin-token"));
    for (int i = 0; i < 10; i++) {
      send(list(org.apiKey()));
    }
    MockHttpServletResponse limited = send(list(org.apiKey()));

    assertThat(success.getStatus()).isEqualTo(200);
    assertThat(error.getStatus()).isEqualTo(404);
    assertThat(unauthorized.getStatus()).isEqualTo(401);
    assertThat(issuedKey.getContentAsString()).contains("api_key");
    rateLimited(limited);
    for (MockHttpServletResponse answer :
        new MockHttpServletResponse[] {success, error, unauthorized, issuedKey, limited}) {
      assertThat(answer.getHeader("Cache-Control"))
          .as("%d answer", answer.getStatus())
          .isEqualTo("no-store");
    }
  }

  private MockHttpServletRequestBuilder list(String key) {
    return MockMvcRequestBuilders.get("/api/v1/campaigns")
        .header("X-Api-Key", key)
        .with(from(address));
  }

  private MockHttpServletRequestBuilder createOrganization(String token) {
    return MockMvcRequestBuilders.post("/api/v1/admin/organizations")
        .header("X-Admin-Token", token)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"name\":\"Rate limited org\"}")
        .with(from(address));
  }

  private static RequestPostProcessor from(String remoteAddress) {
    return request -> {
      request.setRemoteAddr(remoteAddress);
      return request;
    };
  }

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  /** Asserts the 429 envelope and returns its body. */
  private JsonNode rateLimited(MockHttpServletResponse response) throws Exception {
    String raw = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(raw).isEqualTo(429);
    JsonNode body = objectMapper.readTree(raw);
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.get("code").asString()).isEqualTo("RATE_LIMITED");
    assertThat(body.get("errors").isArray()).isTrue();
    assertThat(body.get("errors")).isEmpty();
    assertThat(body.get("message").asString()).contains("retry after");
    assertThat(Long.parseLong(response.getHeader("Retry-After"))).isPositive();
    return body;
  }
}
