package ai.agni.campaigns.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.testsupport.SipPeerTest;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How fast the SIP controller sets calls up on this machine: one campaign of {@code
 * -Dbench.sip.calls} (default 2,000) contacts through sipp (trunk: answer at once, hang up after
 * 500 ms; agent: answer at once), caps far above what the machine does, untraced peers. Prints
 * calls and answered calls per second, INVITE-to-answer percentiles and the JVM's CPU per call.
 * Run: {@code mvn -o -Pbench test -Dtest=SipSetupBenchmark [-Dbench.sip.cps=100]}. Not a timed
 * test: it asserts only that every call completed.
 */
@Tag("bench")
@SipPeerTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:sipbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "agni.dialer.enabled=true",
      "agni.dialer.node-id=sip-bench",
      "agni.data-dir=target/test-data"
    })
class SipSetupBenchmark {

  static final int CALLS = Integer.getInteger("bench.sip.calls", 2_000);

  /** The campaign's calls-per-second cap; 0: none below the organization's 1,000. */
  static final double CPS = Double.parseDouble(System.getProperty("bench.sip.cps", "0"));

  static final int SIP_PORT = Sipp.freePort();

  @DynamicPropertySource
  static void sip(DynamicPropertyRegistry registry) {
    registry.add("agni.sip.bind", () -> "127.0.0.1:" + SIP_PORT);
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired OrganizationService organizations;

  private ServiceApi api;

  @Test
  void setUpRate() throws Exception {
    try (Sipp trunk = Sipp.serveUntraced("uas-mix.xml", "bench-trunk", CALLS, "u1");
        Sipp agent = Sipp.serveUntraced("agent-answer-wait-bye.xml", "bench-agent", CALLS, "u1")) {
      api = new ServiceApi(json, port);
      api.useKey(
          organizations.create("SIP bench " + UUID.randomUUID(), "US", 10_000, 1_000).apiKey());
      String agentId =
          api.id(
              "/agents/",
              "{\"name\":\"Bench\",\"ringDurationMs\":10000,\"maxCallDurationMs\":60000,\"sipUri\":\"%s\"}"
                  .formatted(agent.uri("agent", "u1")));
      String numberId =
          api.id(
              "/phone-numbers",
              "{\"phone_number\":\"+14155550100\",\"provider\":\"sip\",\"sip_trunk_uri\":\"%s\"}"
                  .formatted(trunk.uri(null, "u1")));
      List<String> contactIds = new ArrayList<>();
      for (int from = 0; from < CALLS; from += 1_000) {
        StringBuilder body = new StringBuilder("{\"contacts\":[");
        for (int i = from; i < Math.min(CALLS, from + 1_000); i++) {
          // why digits 0-5 only: uas-mix answers those and hangs up after 500 ms.
          String phone = "+141555" + String.format("%05d", i * 10 + i % 6);
          body.append(i == from ? "" : ",").append("{\"phone\":\"").append(phone).append("\"}");
        }
        api.data("POST", "/contacts/bulk", body.append("]}").toString());
      }
      for (int offset = 0; offset < CALLS; offset += 500) {
        api.data("GET", "/contacts/?limit=500&offset=" + offset, null)
            .forEach(c -> contactIds.add(c.get("id").asString()));
      }
      DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
      Instant now = Instant.now();
      String campaignId =
          api.id(
              "/campaigns/",
              ("{\"name\":\"Bench\",\"agentId\":\"%s\",\"phoneNumberId\":\"%s\",\"fromPhoneNumber\":\"+14155550100\","
                      + "\"contactIds\":%s,%s\"schedule\":{\"windowStart\":\"%s\",\"windowEnd\":\"%s\","
                      + "\"windowDays\":[0,1,2,3,4,5,6],\"timezone\":\"UTC\",\"maxConcurrent\":1000,\"retryAttempts\":0}}")
                  .formatted(
                      agentId,
                      numberId,
                      json.writeValueAsString(contactIds),
                      CPS > 0 ? "\"outboundMaxCps\":" + CPS + "," : "",
                      hhmm.format(now.minus(Duration.ofHours(2))),
                      hhmm.format(now.plus(Duration.ofHours(2)))));
      long cpuBefore = cpuNanos();
      Instant started = Instant.now();
      api.data("POST", "/campaigns/" + campaignId + "/start", null);
      await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  api.data("GET", "/campaigns/" + campaignId, null)
                      .get("status")
                      .asString()
                      .equals("completed"));
      Duration wall = Duration.between(started, Instant.now());
      double cpuMsPerCall = (cpuNanos() - cpuBefore) / 1e6 / CALLS;

      List<Long> setup = new ArrayList<>();
      int completed = 0;
      for (int page = 1; (page - 1) * 1000 < CALLS; page++) {
        JsonNode sessions =
            api.data(
                    "GET",
                    "/calling/call-sessions?page_size=1000&page="
                        + page
                        + "&campaign_id="
                        + campaignId,
                    null)
                .get("callSessions");
        for (JsonNode s : sessions) {
          if (s.get("status").asString().equals("completed")) {
            completed++;
            setup.add(
                Duration.between(
                        Instant.parse(s.get("started_at").asString()),
                        Instant.parse(s.get("answered_at").asString()))
                    .toMillis());
          }
        }
      }
      assertThat(completed).isEqualTo(CALLS);
      setup.sort(Long::compare);
      String report =
          String.format(
              "SIP set-up (cap %s): %d calls in %.1f s: %.1f calls/s answered and connected to the agent;"
                  + " INVITE->200 p50 %d ms, p90 %d ms, p99 %d ms; JVM CPU %.2f ms per call"
                  + " (the whole service: engine, SIP, H2, API)%n",
              CPS > 0 ? CPS + " calls/s" : "none",
              CALLS,
              wall.toMillis() / 1000.0,
              CALLS * 1000.0 / wall.toMillis(),
              at(setup, 50),
              at(setup, 90),
              at(setup, 99),
              cpuMsPerCall);
      System.out.print("[agni] " + report);
      Files.createDirectories(Path.of("target/bench"));
      Files.writeString(
          Path.of("target/bench/sip.txt"),
          report,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private static long at(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
