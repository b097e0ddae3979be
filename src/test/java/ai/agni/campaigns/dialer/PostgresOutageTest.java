package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import ai.agni.campaigns.testsupport.TcpProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes away while calls are live (every connection reset, new ones refused, as in a
 * PostgreSQL restart), through a TCP proxy in front of the real server: the API and health answer
 * 503 with the whole envelope within 2 s, the outcomes of calls that end meanwhile are kept and
 * written when it returns, nobody is reaped as lost, and the campaign completes by itself.
 */
@PostgresTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "agni.dialer.enabled=false",
      "agni.data-dir=target/test-data",
      "agni.simulated.ring-ms=100",
      "agni.simulated.talk-ms=1500",
      "agni.simulated.seed=11",
      "agni.simulated.outcomes=completed:0.8,no_answer:0.1,busy:0.1"
    })
class PostgresOutageTest {

  private static final TcpProxy PROXY =
      new TcpProxy(PostgresDatabase.server().getHostString(), PostgresDatabase.server().getPort());

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.registerThrough(registry, PostgresDatabase.newSchema(), PROXY);
  }

  @AfterAll
  static void closeProxy() {
    PROXY.restore();
  }

  @Autowired DialerConfiguration.Stores stores;
  @Autowired DialerSettings settings;
  @Autowired Clock clock;
  @Autowired ai.agni.campaigns.platform.TaskTimer timer;
  @Autowired ai.agni.campaigns.telephony.simulated.SimulatedCarrier carrier;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void outcomesSurviveTheOutageAndTheApiAnswers503MeanwhileWithinTwoSeconds() throws Exception {
    EngineFixtures fixtures = new EngineFixtures(jdbc, template);
    UUID org = fixtures.anOrganization(40, 20);
    UUID agent = fixtures.anAgent(org);
    var campaign =
        fixtures
            .aRunningCampaign()
            .in(org, agent, fixtures.aPhoneNumber(org, null, null))
            .withContacts(80)
            .maxConcurrent(20)
            .retries(0, 1)
            .create();
    DialerEngine engine =
        new EngineNodes(stores, settings)
            .on(clock, timer)
            .carrier(carrier)
            .node("outage-node")
            .pollInterval(Duration.ofMillis(100))
            .writerThread()
            .build();
    DialerLoop loop = new DialerLoop(engine, clock, settings);
    loop.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> liveCalls(campaign.id()) >= 10);

      PROXY.cut();
      try {
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> engine.unwrittenOutcomes() >= 5);
        Answer health = get("/api/v1/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.millis()).isLessThan(2_000);
        assertThat(health.body().path("success").asBoolean(true)).isFalse();
        assertThat(health.body().path("code").asString()).isEqualTo("UNAVAILABLE");
        assertThat(health.body().path("data").path("status").asString()).isEqualTo("degraded");

        Answer list = get("/api/v1/campaigns", "agni_not_a_real_key_but_well_formed_0000");
        assertThat(list.status()).isEqualTo(503);
        assertThat(list.millis()).isLessThan(2_000);
        assertThat(list.body().path("success").isBoolean()).isTrue();
        assertThat(list.body().path("success").asBoolean(true)).isFalse();
        assertThat(list.body().path("message").asString()).contains("unavailable");
        assertThat(list.body().path("code").asString()).isEqualTo("UNAVAILABLE");
      } finally {
        PROXY.restore();
      }

      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> status(campaign.id()).equals("completed"));
    } finally {
      loop.stop();
    }

    assertThat(get("/api/v1/health", null).status()).isEqualTo(200);
    assertThat(engine.unwrittenOutcomes()).isZero();
    List<CallAudit.Call> calls = new CallAudit(jdbc).campaignCalls(campaign.id());
    assertThat(calls).noneMatch(c -> c.endedAt() == null);
    assertThat(calls.stream().map(CallAudit.Call::reason).distinct())
        .as("nobody lost: the outcomes were written, not reaped")
        .doesNotContain("lease_expired", "node_lost");
    Map<UUID, Long> callsPerContact =
        calls.stream()
            .collect(Collectors.groupingBy(CallAudit.Call::contactId, Collectors.counting()));
    Map<UUID, Integer> attempts =
        jdbc
            .sql("SELECT contact_id, attempts FROM campaign_contacts WHERE campaign_id = ?")
            .param(campaign.id())
            .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(attempts).hasSize(80);
    attempts.forEach(
        (contact, used) ->
            assertThat(used)
                .as("attempts of %s equal its placed calls", contact)
                .isEqualTo(callsPerContact.getOrDefault(contact, 0L).intValue()));
    assertThat(jdbc.sql("SELECT count(*) FROM live_calls").query(Integer.class).single()).isZero();
    new CallAudit(jdbc).assertCountersExact(campaign.id());
  }

  private record Answer(int status, JsonNode body, long millis) {}

  private Answer get(String path, String key) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    if (key != null) {
      request.header("X-Api-Key", key);
    }
    long started = System.nanoTime();
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new Answer(response.statusCode(), json.readTree(response.body()), millis);
  }

  private int liveCalls(UUID campaignId) {
    return jdbc.sql(
            "SELECT count(*) FROM calls WHERE campaign_id = ? AND status IN ('ringing',"
                + " 'in_progress')")
        .param(campaignId)
        .query(Integer.class)
        .single();
  }

  private String status(UUID campaignId) {
    return jdbc.sql("SELECT status FROM campaigns WHERE id = ?")
        .param(campaignId)
        .query(String.class)
        .single();
  }
}
