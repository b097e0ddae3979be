package ai.agni.campaigns.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.platform.OutboundAddressPolicy;
import ai.agni.campaigns.platform.Signatures;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import ai.agni.campaigns.testsupport.MutableClock;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of webhook tests: the application (in-memory H2, MockMvc) with its own delivery threads off
 * and private targets allowed, a sender timeout of 1 s, a real receiver on 127.0.0.1, and
 * deliverers the test builds on a settable clock and steps. State is set up through the API.
 */
@TestPropertySource(
    properties = {
      "agni.webhooks.enabled=false",
      "agni.outbound.allow-private=true",
      "agni.webhooks.timeout=1s"
    })
abstract class WebhookTestSupport extends ApiTestSupport {

  static final String DELIVERIES = "/api/v1/webhooks/deliveries";

  @Autowired WebhookDeliverer.Stores stores;
  @Autowired WebhookSettings settings;
  @Autowired OutboundAddressPolicy policy;
  @Autowired JdbcClient jdbc;

  WebhookReceiver receiver;
  MutableClock clock;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new WebhookReceiver();
    // why a minute ahead: the outbox stamps rows with the application's (system) clock; rows
    // written during the test are then due at once on the test's clock.
    clock = new MutableClock(Instant.now().plusSeconds(60));
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  /** A deliverer of its own node on the test's clock, sending on the caller's thread. */
  WebhookDeliverer deliverer(String node) {
    return deliverer(node, Runnable::run, policy);
  }

  WebhookDeliverer deliverer(String node, Executor workers, OutboundAddressPolicy rule) {
    return WebhookConfiguration.deliverer(stores, clock, settings, rule, node, workers);
  }

  /** A policy that refuses private targets, whatever the application allows. */
  static OutboundAddressPolicy strictPolicy() {
    return new OutboundAddressPolicy(false, InetAddress::getAllByName);
  }

  /** An organization with an agent posting to {@code urls}, a number and two contacts. */
  Setup aSetup(String... urls) {
    TestOrg org = newOrganization();
    StringBuilder list = new StringBuilder();
    for (String url : urls) {
      list.append(list.length() == 0 ? "" : ",").append("'").append(url).append("'");
    }
    String agent =
        post(org, "/api/v1/agents", json("{'name':'Hook agent','webhookUrls':[" + list + "]}"))
            .ok()
            .get("id")
            .asString();
    String phone = "+1415555" + String.format("%04d", (int) (Math.random() * 10000));
    String number =
        post(org, "/api/v1/phone-numbers", json("{'phone_number':'" + phone + "'}"))
            .ok()
            .get("id")
            .asString();
    List<String> contacts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String contactPhone = "+121255501" + (10 + i);
      contacts.add(
          post(org, "/api/v1/contacts", json("{'phone':'" + contactPhone + "'}"))
              .ok()
              .get("id")
              .asString());
    }
    return new Setup(org, agent, number, phone, contacts);
  }

  /** A draft campaign of the set-up. */
  String aCampaign(Setup s) {
    String ids = "'" + String.join("','", s.contacts()) + "'";
    return post(
            s.org(),
            "/api/v1/campaigns",
            json(
                "{'name':'Hooks','agentId':'"
                    + s.agent()
                    + "','phoneNumberId':'"
                    + s.number()
                    + "','fromPhoneNumber':'"
                    + s.phone()
                    + "','contactIds':["
                    + ids
                    + "]}"))
        .ok()
        .get("id")
        .asString();
  }

  /** Moves the campaign through the API: start, pause, resume, complete. */
  JsonNode act(Setup s, String campaign, String action) {
    return post(s.org(), "/api/v1/campaigns/" + campaign + "/" + action, null).ok();
  }

  String secret(TestOrg org) {
    return get(org, "/api/v1/webhooks/secret").ok().get("secret").asString();
  }

  JsonNode deliveries(TestOrg org, String query) {
    return get(org, DELIVERIES + query).ok();
  }

  JsonNode body(WebhookReceiver.Received r) {
    return objectMapper.readTree(r.body());
  }

  /** The {@code v1=} values of a signature header, in order. */
  static List<String> v1(String header) {
    List<String> out = new ArrayList<>();
    for (String part : header.split(",")) {
      if (part.startsWith("v1=")) {
        out.add(part.substring(3));
      }
    }
    return out;
  }

  static long t(String header) {
    return Long.parseLong(header.split(",")[0].substring(2));
  }

  /** The hex HMAC a receiver computes with {@code secret}. */
  static String hmac(String secret, WebhookReceiver.Received r) {
    long t = t(r.signature());
    return v1(Signatures.sign(secret, t, r.body().getBytes(StandardCharsets.UTF_8))).get(0);
  }

  /** Asserts the request is signed with exactly these secrets, in this order. */
  static void assertSignedWith(WebhookReceiver.Received r, String... secrets) {
    List<String> expected = new ArrayList<>();
    for (String s : secrets) {
      expected.add(hmac(s, r));
    }
    assertThat(v1(r.signature())).as("v1 values of %s", r.signature()).isEqualTo(expected);
  }

  /** An organization with what campaigns need. */
  record Setup(TestOrg org, String agent, String number, String phone, List<String> contacts) {
    UUID orgId() {
      return org.id();
    }
  }
}
