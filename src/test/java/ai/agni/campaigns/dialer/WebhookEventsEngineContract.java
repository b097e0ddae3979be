package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.platform.Signatures;
import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import ai.agni.campaigns.webhook.SteppedDeliverer;
import ai.agni.campaigns.webhook.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The webhook events of whole campaigns run by the stepped engine, on each database: exactly one
 * event per finished attempt, per final contact (do-not-call ones included) and per campaign move,
 * numbered gap-free per campaign; and, for a smaller campaign, every one of them arriving at a real
 * receiver in sequence order, signed with the organization's secret.
 */
@AutoConfigureMockMvc
// why: the test steps a deliverer of its own; the application's would race it for the rows.
@TestPropertySource(properties = "agni.webhooks.enabled=false")
abstract class WebhookEventsEngineContract extends EngineTestSupport {

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final List<String> FINAL_CALL_STATUSES =
      List.of("completed", "no_answer", "busy", "voicemail", "failed");

  @Autowired OrganizationService organizations;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ApplicationContext context;

  /** An organization made as the API makes one (sealed secret, key), a campaign started by API. */
  private record Run(UUID org, String apiKey, EngineFixtures.CampaignRef campaign, int dnc) {}

  private Run aStartedCampaign(int contacts, int dnc, String url) throws Exception {
    EngineFixtures fixtures = fixtures();
    OrganizationService.CreatedOrganization created =
        organizations.create("Hooks " + UUID.randomUUID(), "US", 200, 50);
    UUID org = created.organization().id();
    UUID agent = fixtures.anAgent(org);
    jdbc.sql("UPDATE agents SET webhook_urls = ? WHERE id = ?")
        .params("[\"" + url + "\"]", agent)
        .update();
    var line = fixtures.aPhoneNumber(org, 100, 20.0);
    EngineFixtures.CampaignRef campaign =
        fixtures
            .aRunningCampaign()
            .in(org, agent, line)
            .withContacts(contacts)
            .maxConcurrent(50)
            .outbound(null, 20.0)
            .retries(1, 5)
            .create();
    for (UUID contact : campaign.contactIds().subList(0, dnc)) {
      fixtures.doNotCall(org, fixtures.phoneOf(contact));
    }
    // why draft first: the start below is the API's, which writes campaign.started.
    jdbc.sql(
            "UPDATE campaigns SET status = 'draft', execution_status = 'draft', started_at = NULL"
                + " WHERE id = ?")
        .param(campaign.id())
        .update();
    int status =
        mvc.perform(
                post("/api/v1/campaigns/" + campaign.id() + "/start")
                    .header("X-Api-Key", created.apiKey()))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(200);
    return new Run(org, created.apiKey(), campaign, dnc);
  }

  private boolean runToCompletion(Run run, MutableClock clock) {
    ManualTaskTimer timer = new ManualTaskTimer();
    DialerEngine engine = newEngine(clock, timer);
    engine.wake();
    return stepper(clock, timer, engine)
        .runUntil(
            START.plus(Duration.ofDays(3)),
            () -> campaignStatus(run.campaign().id()).equals("completed"));
  }

  @Test
  void tenThousandContactsWriteExactlyOneEventPerAttemptFinalContactAndMove() throws Exception {
    Run run = aStartedCampaign(10_000, 25, "http://127.0.0.1:9/hook");
    MutableClock clock = new MutableClock(START);
    long wall = System.nanoTime();

    assertThat(runToCompletion(run, clock)).as("campaign completed").isTrue();
    System.out.printf(
        "[webhooks] %s: 10k campaign with webhooks, wall %d ms%n",
        getClass().getSimpleName(), (System.nanoTime() - wall) / 1_000_000);

    UUID campaign = run.campaign().id();
    long finishedCalls =
        jdbc.sql("SELECT COUNT(*) FROM calls WHERE campaign_id = :id AND status IN (:statuses)")
            .param("id", campaign)
            .param("statuses", FINAL_CALL_STATUSES)
            .query(Long.class)
            .single();
    Map<String, Long> events = eventCounts(campaign);
    assertThat(finishedCalls).isGreaterThan(10_000 - run.dnc());
    assertThat(events)
        .containsEntry("call.completed", finishedCalls)
        .containsEntry("contact.finished", 10_000L)
        .containsEntry("campaign.started", 1L)
        .containsEntry("campaign.completed", 1L)
        .hasSize(4);
    long total = events.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Object> numbers =
        jdbc.sql(
                "SELECT MIN(sequence) AS lo, MAX(sequence) AS hi, COUNT(DISTINCT sequence) AS n"
                    + " FROM webhook_deliveries WHERE scope_id = ?")
            .param(campaign)
            .query()
            .singleRow();
    assertThat(((Number) numbers.get("lo")).longValue()).isEqualTo(1);
    assertThat(((Number) numbers.get("hi")).longValue()).as("gap-free").isEqualTo(total);
    assertThat(((Number) numbers.get("n")).longValue()).as("no number twice").isEqualTo(total);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single())
        .as("one delivery per event and URL")
        .isEqualTo(total);

    Map<String, Long> finals = new HashMap<>();
    jdbc.sql(
            "SELECT body FROM webhook_deliveries WHERE scope_id = ? AND event = 'contact.finished'")
        .param(campaign)
        .query(String.class)
        .list()
        .forEach(
            body -> {
              JsonNode data = json.readTree(body).get("data");
              String key =
                  data.get("status").asString()
                      + ("dnc".equals(data.get("last_reason").asString()) ? "/dnc" : "");
              finals.merge(key, 1L, Long::sum);
            });
    assertThat(finals.get("failed/dnc")).isEqualTo(run.dnc());
    Map<String, Integer> stats = audit().contactStats(campaign);
    assertThat(finals.getOrDefault("successful", 0L))
        .isEqualTo((long) stats.getOrDefault("successful", 0));
    assertThat(finals.getOrDefault("no_answer", 0L))
        .isEqualTo((long) stats.getOrDefault("no_answer", 0));
  }

  @Test
  void everyEventOfACampaignArrivesSignedInSequenceOrder() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      Run run = aStartedCampaign(150, 3, receiver.url("/hook"));
      MutableClock clock = new MutableClock(START);
      assertThat(runToCompletion(run, clock)).isTrue();
      receiver.next(WebhookReceiver.FAIL);
      // why its own clock: the outbox stamps rows with the application's (system) clock.
      MutableClock sendClock = new MutableClock(Instant.now().plusSeconds(60));
      SteppedDeliverer deliverer = SteppedDeliverer.of(context, sendClock, "node-hooks");
      deliverer.deliverAll();
      sendClock.advance(Duration.ofSeconds(30));
      deliverer.deliverAll();

      String secret = secretOf(run);
      List<WebhookReceiver.Received> got = receiver.received();
      long events = eventCounts(run.campaign().id()).values().stream().mapToLong(l -> l).sum();
      assertThat(got).hasSize((int) events + 1);
      long expected = 1;
      for (WebhookReceiver.Received r : got.subList(1, got.size())) {
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("sequence").asLong()).isEqualTo(expected++);
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        long t = Long.parseLong(r.signature().split(",")[0].substring(2));
        assertThat(
                Signatures.verify(
                    r.signature(), List.of(secret), bytes, Instant.ofEpochSecond(t), Duration.ZERO))
            .isEqualTo(Signatures.Verdict.VALID);
      }
      JsonNode call =
          got.stream()
              .map(r -> json.readTree(r.body()))
              .filter(b -> b.get("event").asString().equals("call.completed"))
              .findFirst()
              .orElseThrow()
              .get("data");
      assertThat(call.propertyNames())
          .containsExactly(
              "campaign_id",
              "contact_id",
              "phone",
              "status",
              "duration_sec",
              "call_session_id",
              "attempt",
              "caller_number",
              "callee_number",
              "agent_name",
              "channel",
              "disconnect_reason",
              "started_at",
              "ended_at",
              "created_at");
      assertThat(call.get("campaign_id").asString()).isEqualTo(run.campaign().id().toString());
      assertThat(call.get("channel").asString()).isEqualTo("voice");
      assertThat(call.get("agent_name").asString()).isEqualTo("Agent");
      assertThat(call.get("ended_at").asString()).endsWith("Z");
      JsonNode last = json.readTree(got.get(got.size() - 1).body());
      assertThat(last.get("event").asString()).isEqualTo("campaign.completed");
      assertThat(last.get("data").get("status").asString()).isEqualTo("completed");
    }
  }

  @Test
  void aSingleCallReportsItsEndInTheOrganizationsOwnSequence() {
    EngineFixtures fixtures = fixtures();
    UUID org = organizations.create("Single " + UUID.randomUUID(), "US", 10, 5).organization().id();
    UUID agent = fixtures.anAgent(org);
    jdbc.sql("UPDATE agents SET webhook_urls = '[\"http://127.0.0.1:9/single\"]' WHERE id = ?")
        .param(agent)
        .update();
    var line = fixtures.aPhoneNumber(org, null, null);
    UUID session = fixtures.aWaitingCall(org, agent, line, "+12125550199", START);
    MutableClock clock = new MutableClock(START);
    ManualTaskTimer timer = new ManualTaskTimer();
    DialerEngine engine = newEngine(clock, timer);
    engine.wake();
    boolean ended =
        stepper(clock, timer, engine)
            .runUntil(
                START.plus(Duration.ofHours(1)),
                () ->
                    FINAL_CALL_STATUSES.contains(
                        jdbc.sql("SELECT status FROM calls WHERE id = ?")
                            .param(session)
                            .query(String.class)
                            .single()));
    assertThat(ended).isTrue();

    Map<String, Object> event =
        jdbc.sql(
                "SELECT scope_id, campaign_id, sequence, event, body FROM webhook_deliveries"
                    + " WHERE organization_id = ?")
            .param(org)
            .query()
            .singleRow();
    assertThat(event.get("scope_id")).isEqualTo(org);
    assertThat(event.get("campaign_id")).isNull();
    assertThat(((Number) event.get("sequence")).longValue()).isEqualTo(1);
    assertThat(event.get("event")).isEqualTo("call.completed");
    JsonNode data = json.readTree((String) event.get("body")).get("data");
    assertThat(data.get("call_session_id").asString()).isEqualTo(session.toString());
    assertThat(data.get("campaign_id").isNull()).isTrue();
    assertThat(data.get("callee_number").asString()).isEqualTo("+12125550199");
  }

  private Map<String, Long> eventCounts(UUID campaign) {
    Map<String, Long> out = new HashMap<>();
    jdbc.sql(
            "SELECT event, COUNT(DISTINCT event_id) AS n FROM webhook_deliveries"
                + " WHERE scope_id = ? GROUP BY event")
        .param(campaign)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> out.put(rs.getString("event"), rs.getLong("n")));
    return out;
  }

  private String secretOf(Run run) throws Exception {
    String body =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/webhooks/secret")
                    .header("X-Api-Key", run.apiKey()))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body).get("data").get("secret").asString();
  }
}
