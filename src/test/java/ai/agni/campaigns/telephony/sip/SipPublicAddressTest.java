package ai.agni.campaigns.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.testsupport.SipPeerTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Behind NAT: {@code AGNI_SIP_PUBLIC_ADDRESS} is what Via and Contact carry, while the stack
 * listens on the bound address. A single call (create-call) over TCP goes through sipp, which
 * answers to the connection it came on and records what it got.
 */
@SipPeerTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:sippublic;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "agni.dialer.enabled=true",
      "agni.dialer.node-id=sip-public",
      "agni.sip.public-address=sbc.agni.example:5099",
      "agni.data-dir=target/test-data"
    })
class SipPublicAddressTest {

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
  void viaAndContactCarryThePublicAddressOnASingleCallOverTcp() throws Exception {
    try (Sipp trunk = Sipp.serve("uas-486.xml", "public-trunk", 1, "t1")) {
      api = new ServiceApi(json, port);
      api.useKey(organizations.create("SIP public " + UUID.randomUUID(), "US", 100, 10).apiKey());
      String agentId =
          api.data(
                  api.call(
                      "POST",
                      "/agents/",
                      "{\"name\":\"Agent\",\"sipUri\":\"sip:agent@127.0.0.1:9;transport=tcp\"}"))
              .get("id")
              .asString();
      api.data(
          api.call(
              "POST",
              "/phone-numbers",
              "{\"phone_number\":\"+14155550100\",\"provider\":\"sip\",\"sip_trunk_uri\":\"%s\"}"
                  .formatted(trunk.uri(null, "t1"))));
      HttpResponse<String> created =
          api.call(
              "POST",
              "/calling/create-call",
              "{\"type\":\"outbound_call\",\"agent_id\":\"%s\",\"from_phone_number\":\"+14155550100\",\"to_phone_number\":\"+14155550177\"}"
                  .formatted(agentId));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      String session = json.readTree(created.body()).get("session_id").asString();

      JsonNode s =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> api.data(api.call("GET", "/calling/call-sessions-detail/" + session, null)),
                  d -> d.get("status").asString().equals("busy"));
      assertThat(s.get("disconnect_reason").asString()).isEqualTo("sip_486");
      assertThat(trunk.awaitExit(20)).as(trunk.log()).isZero();
      assertThat(trunk.messages())
          .contains("Via: SIP/2.0/TCP sbc.agni.example:5099;")
          .contains("Contact: <sip:agni@sbc.agni.example:5099;transport=tcp>")
          .contains("INVITE sip:+14155550177@127.0.0.1:" + trunk.port() + ";transport=tcp")
          .contains("From: <sip:+14155550100@sbc.agni.example>");
    }
  }
}
