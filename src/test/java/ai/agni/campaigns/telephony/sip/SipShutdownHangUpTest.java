package ai.agni.campaigns.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.testsupport.SipPeerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A node shutting down while a SIP call is connected: after the shutdown grace the adapter hangs up
 * both legs (BYE to the contact through the trunk and to the agent), and the call is recorded as
 * lost by the node (failed / node_lost, retried later) rather than left up on the far ends. Both
 * far ends are sipp peers that answer and then wait for our BYE, far longer than the grace. A
 * contact still ringing is cancelled, and its 487 does not turn the call into a no_answer.
 *
 * <p>why its own context, dirtied: each case stops the context's dialer loop (the next starts it
 * again); the context must not be reused by another class.
 */
@SipPeerTest
@DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:sipshutdown;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "agni.dialer.enabled=true",
      "agni.dialer.node-id=sip-shutdown",
      "agni.dialer.shutdown-grace=1s",
      "agni.sip.t1-ms=50",
      "agni.sip.agent-answer-ms=2000",
      "agni.data-dir=target/test-data"
    })
class SipShutdownHangUpTest {

  static final Duration GRACE = Duration.ofSeconds(1);
  static final int SIP_PORT = Sipp.freePort();

  @DynamicPropertySource
  static void sip(DynamicPropertyRegistry registry) {
    registry.add("agni.sip.bind", () -> "127.0.0.1:" + SIP_PORT);
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired OrganizationService organizations;
  @Autowired SipTelephonyAdapter adapter;
  @Autowired JdbcClient jdbc;

  /** The node's dialer loop (package-private elsewhere; its lifecycle is what shutdown stops). */
  @Autowired
  @Qualifier("dialerLoop")
  SmartLifecycle dialerLoop;

  @Test
  void aConnectedCallStillLiveAfterTheGraceGetsByeOnBothLegsAndIsSettledAsNodeLost()
      throws Exception {
    startDialer();
    try (Sipp trunk = Sipp.serve("uas-answer-wait-bye.xml", "shutdown-trunk", 1, "u1");
        Sipp agent = Sipp.serve("agent-answer-wait-bye.xml", "shutdown-agent", 1, "u1")) {
      ServiceApi api = new ServiceApi(json, port);
      api.useKey(organizations.create("SIP " + UUID.randomUUID(), "US", 100, 50).apiKey());
      // why one retry: node_lost is retryable, so the contact waits for its next attempt.
      SipCampaign run = SipCampaign.start(api, trunk, agent, "u1", 10_000, 60_000, 1, null, null);

      JsonNode live = run.firstSession(s -> s.get("status").asString().equals("in_progress"));
      // why both ACKs: the call is CONNECTED (both legs confirmed) once it sent them.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  trunk.messages().contains("\nACK sip:")
                      && agent.messages().contains("\nACK sip:"));
      assertThat(trunk.messages()).doesNotContain("\nBYE sip:");
      assertThat(agent.messages()).doesNotContain("\nBYE sip:");

      Instant stopBegan = Instant.now();
      dialerLoop.stop();
      long stopMs = Duration.between(stopBegan, Instant.now()).toMillis();

      assertThat(stopMs)
          .as("the grace, then the hang-up (up to 2 s) and the settling")
          .isBetween(GRACE.toMillis() - 100, GRACE.toMillis() + 5_000);
      assertThat(trunk.awaitExit(20)).as("the trunk got BYE: " + trunk.log()).isZero();
      assertThat(agent.awaitExit(20)).as("the agent got BYE: " + agent.log()).isZero();
      assertThat(received(trunk, "BYE")).as(trunk.log()).isEqualTo(1);
      assertThat(received(agent, "BYE")).as(agent.log()).isEqualTo(1);
      assertThat(request(trunk, "BYE"))
          .as("the BYE is in the contact's dialog")
          .contains("Call-ID: " + live.get("sip_call_id").asString());

      JsonNode s = run.finalSession();
      assertThat(s.get("session_id").asString()).isEqualTo(live.get("session_id").asString());
      assertThat(s.get("status").asString()).as(s.toString()).isEqualTo("failed");
      assertThat(s.get("disconnect_reason").asString()).isEqualTo("node_lost");
      assertThat(s.get("disconnect_detail").asString())
          .as("the adapter's own end, not the reaper's")
          .isEqualTo("node shut down");
      assertThat(s.get("counts_as_attempt").asBoolean()).isTrue();
      assertThat(s.get("answered_at").isNull()).isFalse();
      assertThat(Instant.parse(s.get("ended_at").asString()))
          .as("hung up after the grace")
          .isAfterOrEqualTo(stopBegan.plus(GRACE).minusMillis(100));
      assertThat(run.sessions()).as("one placed call").hasSize(1);
      JsonNode contact = run.contact();
      assertThat(contact.get("status").asString()).isEqualTo("pending");
      assertThat(contact.get("attempts").asInt()).isEqualTo(1);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM live_calls").query(Long.class).single())
          .as("live calls")
          .isZero();
      assertThat(
              jdbc.sql("SELECT COALESCE(SUM(live), 0) FROM live_counts").query(Long.class).single())
          .as("concurrency slots held")
          .isZero();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(adapter.callsHeld()).as("SIP call state").isZero());

      api.call("POST", "/campaigns/" + run.campaignId() + "/complete", null);
    }
  }

  @Test
  void aContactStillRingingAfterTheGraceIsCancelledAndSettledAsNodeLostNotNoAnswer()
      throws Exception {
    startDialer();
    try (Sipp trunk = Sipp.serve("uas-ring-forever.xml", "shutdown-ringing", 1, "u1");
        Sipp agent = Sipp.serve("agent-answer-wait-bye.xml", "shutdown-unused-agent", 1, "u1")) {
      ServiceApi api = new ServiceApi(json, port);
      api.useKey(organizations.create("SIP " + UUID.randomUUID(), "US", 100, 50).apiKey());
      SipCampaign run = SipCampaign.start(api, trunk, agent, "u1", 60_000, 60_000, 1, null, null);
      await().atMost(Duration.ofSeconds(10)).until(() -> trunk.messages().contains("180 Ringing"));

      dialerLoop.stop();

      assertThat(trunk.awaitExit(20)).as("the trunk got CANCEL: " + trunk.log()).isZero();
      assertThat(received(trunk, "CANCEL")).as(trunk.log()).isEqualTo(1);
      JsonNode s = run.finalSession();
      assertThat(s.get("status").asString()).as(s.toString()).isEqualTo("failed");
      assertThat(s.get("disconnect_reason").asString())
          .as("ended by the shutdown, not by a ring timeout")
          .isEqualTo("node_lost");
      JsonNode contact = run.contact();
      assertThat(contact.get("status").asString()).as("retried after the gap").isEqualTo("pending");
      assertThat(contact.get("attempts").asInt()).isEqualTo(1);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM live_calls").query(Long.class).single()).isZero();
      api.call("POST", "/campaigns/" + run.campaignId() + "/complete", null);
    }
  }

  /** Each case stops the loop, as SIGTERM does; the next one starts it again. */
  private void startDialer() {
    if (!dialerLoop.isRunning()) {
      dialerLoop.start();
    }
  }

  /** The first request of {@code method} in the peer's message trace, up to its blank line. */
  private static String request(Sipp peer, String method) {
    String trace = peer.messages();
    int from = trace.indexOf("\n" + method + " sip:");
    assertThat(from).as("no %s in %s", method, trace).isNotNegative();
    int to = trace.indexOf("\r\n\r\n", from + 1);
    return trace.substring(from + 1, to < 0 ? trace.length() : to);
  }

  /** How many requests of {@code method} sipp received, from its final screen. */
  private static int received(Sipp peer, String method) {
    Matcher m =
        Pattern.compile("---------->\\s+" + method + "\\s+(?:E-RTD\\d\\s+)?(\\d+)")
            .matcher(peer.log());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
