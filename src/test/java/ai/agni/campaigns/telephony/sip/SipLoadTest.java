package ai.agni.campaigns.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.testsupport.RealPeers;
import ai.agni.campaigns.testsupport.SipPeerTest;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * 200 calls of one campaign through sipp at {@code maxConcurrent} 20 and 20 calls per second, with
 * a mix of outcomes picked by the callee number's last digit ({@code uas-mix.xml}): every outcome
 * as expected, never more than 20 calls live, never more than 20 INVITEs in any second as the trunk
 * received them, and no slot held afterwards. Prints the outcome table, the set-up rate and the
 * JVM's CPU per call.
 */
@SipPeerTest
@ExtendWith(RealPeers.Tcpdump.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:sipload;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "agni.dialer.enabled=true",
      "agni.dialer.node-id=sip-load",
      "agni.sip.t1-ms=100",
      "agni.data-dir=target/test-data"
    })
class SipLoadTest {

  static final int CALLS = 200;
  static final int MAX_CONCURRENT = 20;
  static final double MAX_CPS = 20;
  static final int SIP_PORT = Sipp.freePort();

  /** The outcome the mix scenario gives a callee number ending in each digit. */
  static final Map<Integer, String> EXPECTED =
      Map.of(
          0, "completed/callee_hangup",
          1, "completed/callee_hangup",
          2, "completed/callee_hangup",
          3, "completed/callee_hangup",
          4, "completed/callee_hangup",
          5, "completed/callee_hangup",
          6, "busy/sip_486",
          7, "no_answer/sip_480",
          8, "failed/invalid_number",
          9, "completed/max_duration");

  @DynamicPropertySource
  static void sip(DynamicPropertyRegistry registry) {
    registry.add("agni.sip.bind", () -> "127.0.0.1:" + SIP_PORT);
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired OrganizationService organizations;
  @Autowired JdbcClient jdbc;
  @Autowired SipTelephonyAdapter adapter;

  private ServiceApi api;

  @Test
  void twoHundredMixedCallsKeepEveryCapAndLeaveNothingHeld() throws Exception {
    int answered = (int) EXPECTED.values().stream().filter(v -> v.startsWith("completed")).count();
    try (Sipp trunk = Sipp.serve("uas-mix.xml", "load-trunk", CALLS, "u1");
        WireCapture wire =
            WireCapture.toUdpPort(trunk.port(), Path.of("target", "sipp", "load-wire.pcap"));
        Sipp agent =
            Sipp.serve("agent-answer-wait-bye.xml", "load-agent", CALLS * answered / 10, "u1")) {
      api = new ServiceApi(json, port);
      api.useKey(organizations.create("SIP load " + UUID.randomUUID(), "US", 1000, 100).apiKey());
      String agentId =
          api.id(
              api.call(
                  "POST",
                  "/agents/",
                  "{\"name\":\"Load agent\",\"ringDurationMs\":5000,\"maxCallDurationMs\":2500,\"sipUri\":\"%s\"}"
                      .formatted(agent.uri("agent", "u1"))));
      String numberId =
          api.id(
              api.call(
                  "POST",
                  "/phone-numbers",
                  "{\"phone_number\":\"+14155550100\",\"provider\":\"sip\",\"sip_trunk_uri\":\"%s\"}"
                      .formatted(trunk.uri(null, "u1"))));
      List<String> phones = new ArrayList<>();
      StringBuilder contacts = new StringBuilder("{\"contacts\":[");
      for (int i = 0; i < CALLS; i++) {
        String phone = "+1415556" + String.format("%04d", 1000 + i);
        phones.add(phone);
        contacts.append(i == 0 ? "" : ",").append("{\"phone\":\"").append(phone).append("\"}");
      }
      api.data(api.call("POST", "/contacts/bulk", contacts.append("]}").toString()));
      List<String> contactIds = new ArrayList<>();
      JsonNode listed = api.data(api.call("GET", "/contacts/?limit=500", null));
      listed.forEach(c -> contactIds.add(c.get("id").asString()));
      assertThat(contactIds).hasSize(CALLS);
      DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
      Instant now = Instant.now();
      String campaignId =
          api.id(
              api.call(
                  "POST",
                  "/campaigns/",
                  ("{\"name\":\"Load\",\"agentId\":\"%s\",\"phoneNumberId\":\"%s\",\"fromPhoneNumber\":\"+14155550100\","
                          + "\"contactIds\":%s,\"outboundMaxCps\":%s,\"schedule\":{\"windowStart\":\"%s\",\"windowEnd\":\"%s\","
                          + "\"windowDays\":[0,1,2,3,4,5,6],\"timezone\":\"UTC\",\"maxConcurrent\":%d,\"retryAttempts\":0}}")
                      .formatted(
                          agentId,
                          numberId,
                          json.writeValueAsString(contactIds),
                          MAX_CPS,
                          hhmm.format(now.minus(Duration.ofHours(2))),
                          hhmm.format(now.plus(Duration.ofHours(2))),
                          MAX_CONCURRENT)));
      long cpuBefore = processCpuNanos();
      Instant started = Instant.now();
      assertThat(api.call("POST", "/campaigns/" + campaignId + "/start", null).statusCode())
          .isEqualTo(200);

      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  "completed"
                      .equals(
                          api.data(api.call("GET", "/campaigns/" + campaignId, null))
                              .get("status")
                              .asString()));
      Duration wall = Duration.between(started, Instant.now());
      long cpuMs = (processCpuNanos() - cpuBefore) / 1_000_000;

      List<JsonNode> sessions = sessions(campaignId);
      assertThat(sessions).hasSize(CALLS);
      Map<String, Integer> table = new TreeMap<>();
      List<Long> setupMs = new ArrayList<>();
      for (JsonNode s : sessions) {
        String callee = s.get("callee_number").asString();
        int digit = callee.charAt(callee.length() - 1) - '0';
        String got = s.get("status").asString() + "/" + s.get("disconnect_reason").asString();
        assertThat(got).as(callee + " " + s).isEqualTo(EXPECTED.get(digit));
        table.merge(got, 1, Integer::sum);
        if (!s.get("answered_at").isNull() && digit != 9) {
          setupMs.add(
              Duration.between(
                      Instant.parse(s.get("started_at").asString()),
                      Instant.parse(s.get("answered_at").asString()))
                  .toMillis());
        }
      }
      int peak = peakConcurrency(sessions);
      assertThat(peak).as("peak live calls").isLessThanOrEqualTo(MAX_CONCURRENT);
      // why the wire: sipp stamps a message when it reads it, late and bunched when it is busy.
      List<Instant> invites = wire.firstInvites();
      assertThat(invites).hasSize(CALLS);
      int busiestSecond = busiestSecond(invites);
      assertThat(busiestSecond).as("INVITEs in any 1 s").isLessThanOrEqualTo((int) MAX_CPS);

      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM live_calls").query(Long.class).single())
                    .isZero();
                assertThat(
                        jdbc.sql("SELECT COALESCE(SUM(live), 0) FROM live_counts")
                            .query(Long.class)
                            .single())
                    .isZero();
                assertThat(adapter.callsHeld()).as("SIP call state held").isZero();
              });
      assertThat(trunk.awaitExit(30)).as(trunk.log()).isZero();
      assertThat(agent.awaitExit(30)).as(agent.log()).isZero();

      setupMs.sort(Long::compare);
      long answeredCalls =
          table.entrySet().stream()
              .filter(e -> e.getKey().startsWith("completed"))
              .mapToLong(Map.Entry::getValue)
              .sum();
      System.out.printf(
          "[agni] SIP load: %d calls in %.1f s (%.1f calls/s, %.1f answered/s), peak %d live"
              + " (cap %d), busiest second %d INVITEs (cap %.0f), INVITE->200 p50 %d ms p99 %d"
              + " ms, JVM CPU %.1f ms per call%n  outcomes %s%n",
          CALLS,
          wall.toMillis() / 1000.0,
          CALLS * 1000.0 / wall.toMillis(),
          answeredCalls * 1000.0 / wall.toMillis(),
          peak,
          MAX_CONCURRENT,
          busiestSecond,
          MAX_CPS,
          percentile(setupMs, 50),
          percentile(setupMs, 99),
          cpuMs / (double) CALLS,
          table);
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The most sessions live at one instant (from their start and end times). */
  static int peakConcurrency(List<JsonNode> sessions) {
    TreeMap<Instant, Integer> edges = new TreeMap<>();
    for (JsonNode s : sessions) {
      edges.merge(Instant.parse(s.get("started_at").asString()), 1, Integer::sum);
      edges.merge(Instant.parse(s.get("ended_at").asString()), -1, Integer::sum);
    }
    int live = 0;
    int peak = 0;
    for (int delta : edges.values()) {
      live += delta;
      peak = Math.max(peak, live);
    }
    return peak;
  }

  /** The most instants in any half-open one-second window. */
  static int busiestSecond(List<Instant> times) {
    List<Instant> sorted = new ArrayList<>(times);
    sorted.sort(null);
    int best = 0;
    int from = 0;
    for (int to = 0; to < sorted.size(); to++) {
      while (!sorted.get(from).plusSeconds(1).isAfter(sorted.get(to))) {
        from++;
      }
      best = Math.max(best, to - from + 1);
    }
    return best;
  }

  private List<JsonNode> sessions(String campaignId) throws Exception {
    JsonNode data =
        api.data(
            api.call(
                "GET", "/calling/call-sessions?page_size=1000&campaign_id=" + campaignId, null));
    List<JsonNode> out = new ArrayList<>();
    data.get("callSessions").forEach(out::add);
    return out;
  }
}
