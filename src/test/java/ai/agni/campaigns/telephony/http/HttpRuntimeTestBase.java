package ai.agni.campaigns.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.telephony.http.FakeRuntime.Posted;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Base of the {@code http} provider's end-to-end tests: the service on a real port with the dialer
 * on its thread and the real clock, one organization per test, and a {@link FakeRuntime} that
 * answers as scripted and posts its events back over HTTP. Timeouts are short (accept 500 ms, lost
 * 500 ms past ring + max duration) so every case takes seconds. Subclasses share one context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=" + HttpRuntimeTestBase.DATABASE,
      "agni.dialer.enabled=true",
      "agni.dialer.node-id=http-runtime-node",
      "agni.outbound.allow-private=true",
      "agni.http-runtime.accept-timeout-ms=500",
      "agni.http-runtime.lost-after-ms=500",
      "agni.data-dir=target/test-data"
    })
abstract class HttpRuntimeTestBase {

  static final String DATABASE =
      "jdbc:h2:mem:http-runtime;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  static final String SECRET = "s3cret";
  static final String FROM = "+14155550100";
  static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired OrganizationService organizations;
  @Autowired JdbcClient jdbc;

  FakeRuntime runtime;
  RuntimeApiClient api;
  String agent;

  @BeforeEach
  void setUp() throws IOException {
    runtime = new FakeRuntime(SECRET);
    api =
        new RuntimeApiClient(
            port, organizations.create("Runtime " + UUID.randomUUID(), "US", 100, 50).apiKey());
    agent = api.agent("{\"name\":\"Runtime agent\"}");
  }

  @AfterEach
  void tearDown() {
    runtime.close();
  }

  void assertUnavailable(JsonNode ended, String detail) {
    assertThat(ended.get("status").asString()).isEqualTo("failed");
    assertThat(ended.get("disconnect_reason").asString()).isEqualTo("runtime_unavailable");
    assertThat(ended.get("disconnect_detail").asString()).isEqualTo(detail);
    assertThat(ended.get("counts_as_attempt").asBoolean()).isFalse();
    assertThat(ended.get("answered_at").isNull()).isTrue();
  }

  JsonNode ended(String session) {
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> api.session(session), s -> !s.get("ended_at").isNull());
  }

  List<Posted> awaitPosted(String session, int count) {
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> runtime.posted(session), posted -> posted.size() >= count);
  }

  Map<String, Object> backoff(String numberId) {
    return jdbc
        .sql("SELECT reason, blocked_until FROM line_backoffs WHERE phone_number_id = ?")
        .param(UUID.fromString(numberId))
        .query()
        .listOfRows()
        .stream()
        .findFirst()
        .orElse(null);
  }

  static Duration blockedFor(Map<String, Object> backoff, JsonNode ended) {
    Object until = backoff.get("blocked_until");
    Instant blocked =
        until instanceof OffsetDateTime odt ? odt.toInstant() : ((Timestamp) until).toInstant();
    return Duration.between(instant(ended, "ended_at"), blocked);
  }

  static Instant instant(JsonNode session, String field) {
    return Instant.parse(session.get(field).asString());
  }
}
