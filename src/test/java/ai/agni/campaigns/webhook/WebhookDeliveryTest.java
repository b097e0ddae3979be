package ai.agni.campaigns.webhook;

import static ai.agni.campaigns.webhook.WebhookReceiver.FAIL;
import static ai.agni.campaigns.webhook.WebhookReceiver.OK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Delivery end to end: events written by API calls arrive at a real receiver, signed with the
 * secret the API shows, in sequence order per campaign and URL, at least once, through failures,
 * hangs past the timeout, dropped connections, death and a manual retry, and a node that dies
 * holding a lease.
 */
class WebhookDeliveryTest extends WebhookTestSupport {

  @Test
  void campaignMovesArriveSignedInSequenceOrderWithTheCampaignAsData() {
    Setup s = aSetup(receiver.url("/hooks"));
    String campaign = aCampaign(s);
    act(s, campaign, "start");
    act(s, campaign, "pause");
    act(s, campaign, "resume");
    JsonNode completed = act(s, campaign, "complete");

    assertThat(deliverer("node-a").deliverDue()).isEqualTo(1);

    List<WebhookReceiver.Received> got = receiver.received();
    assertThat(got)
        .extracting(r -> body(r).get("event").asString())
        .containsExactly(
            "campaign.started", "campaign.paused", "campaign.resumed", "campaign.completed");
    assertThat(got)
        .extracting(r -> body(r).get("sequence").asLong())
        .containsExactly(1L, 2L, 3L, 4L);
    String secret = secret(s.org());
    for (WebhookReceiver.Received r : got) {
      JsonNode body = body(r);
      assertThat(body.propertyNames())
          .containsExactly("id", "event", "created_at", "sequence", "org_id", "data");
      assertThat(r.eventId()).isEqualTo(body.get("id").asString());
      assertThat(r.contentType()).isEqualTo("application/json");
      assertThat(body.get("org_id").asString()).isEqualTo(s.orgId().toString());
      assertThat(body.get("data").get("id").asString()).isEqualTo(campaign);
      assertSignedWith(r, secret);
    }
    assertThat(body(got.get(0)).get("data").get("status").asString()).isEqualTo("active");
    assertThat(body(got.get(1)).get("data").get("status").asString()).isEqualTo("paused");
    assertThat(body(got.get(3)).get("data")).isEqualTo(completed);

    JsonNode list = deliveries(s.org(), "?status=delivered");
    assertThat(list).hasSize(4);
    for (JsonNode d : list) {
      assertThat(d.get("attempts").asInt()).isEqualTo(1);
      assertThat(d.get("last_status_code").asInt()).isEqualTo(200);
      assertThat(d.get("last_error").isNull()).isTrue();
      assertThat(d.get("delivered_at").isNull()).isFalse();
      assertThat(d.get("next_attempt_at").isNull()).isTrue();
      assertThat(d.get("url").asString()).isEqualTo(receiver.url("/hooks"));
    }
  }

  @Test
  void eachUrlGetsEveryEventAndAnAgentWithoutUrlsWritesNothing() {
    Setup s = aSetup(receiver.url("/a"), receiver.url("/b"));
    act(s, aCampaign(s), "start");
    Setup quiet = aSetup();
    act(quiet, aCampaign(quiet), "start");

    assertThat(deliveries(s.org(), "")).hasSize(2);
    assertThat(deliveries(quiet.org(), "")).isEmpty();
    // why: the two rows carry one event (one id, one body), one row per URL.
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(DISTINCT event_id) AS ids, COUNT(DISTINCT body) AS bodies,"
                        + " COUNT(DISTINCT url) AS urls FROM webhook_deliveries"
                        + " WHERE organization_id = ?")
                .param(s.orgId())
                .query()
                .singleRow())
        .extractingByKeys("ids", "bodies", "urls")
        .map(n -> ((Number) n).longValue())
        .containsExactly(1L, 1L, 2L);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE organization_id = ?")
                .param(quiet.orgId())
                .query(Long.class)
                .single())
        .isZero();
    deliverer("node-a").deliverDue();
    assertThat(receiver.received()).hasSize(2);
    assertThat(receiver.received().get(0).eventId())
        .isEqualTo(receiver.received().get(1).eventId());
  }

  @Test
  void failuresAreRetriedOnTheScheduleInOrderAndNothingDeliveredIsSentAgain() {
    Setup s = aSetup(receiver.url("/hooks"));
    String campaign = aCampaign(s);
    act(s, campaign, "start");
    act(s, campaign, "pause");
    act(s, campaign, "resume");
    receiver.next(
        FAIL, new WebhookReceiver.Hang(Duration.ofSeconds(3)), new WebhookReceiver.Close(), FAIL);
    WebhookDeliverer node = deliverer("node-a");

    node.deliverDue();
    assertThat(pendingHead(s).get("last_error").asString()).isEqualTo("HTTP 500");
    assertThat(pendingHead(s).get("last_status_code").asInt()).isEqualTo(500);
    node.deliverDue();
    assertThat(receiver.received()).as("not due yet, and the others wait behind it").hasSize(1);

    clock.advance(Duration.ofSeconds(30));
    node.deliverDue();
    assertThat(pendingHead(s).get("last_error").asString()).isEqualTo("timed out after 1000 ms");
    assertThat(pendingHead(s).get("last_status_code").isNull()).isTrue();
    clock.advance(Duration.ofMinutes(2));
    node.deliverDue();
    assertThat(pendingHead(s).get("last_error").asString()).isNotBlank();
    clock.advance(Duration.ofMinutes(10));
    node.deliverDue();
    assertThat(pendingHead(s).get("attempts").asInt()).isEqualTo(4);
    assertThat(receiver.received()).hasSize(4);
    clock.advance(Duration.ofMinutes(59));
    node.deliverDue();
    assertThat(receiver.received()).as("1 h after the fourth failure, not before").hasSize(4);
    clock.advance(Duration.ofMinutes(1));
    node.deliverDue();
    node.deliverDue();

    List<WebhookReceiver.Received> got = receiver.received();
    assertThat(got)
        .extracting(WebhookReceiver.Received::answer)
        .containsExactly("500", "hang", "close", "500", "200", "200", "200");
    assertThat(got.stream().filter(WebhookReceiver.Received::got2xx).map(r -> r.eventId()))
        .as("nothing that got a 2xx is sent again")
        .doesNotHaveDuplicates()
        .hasSize(3);
    assertThat(got.subList(4, 7))
        .extracting(r -> body(r).get("sequence").asLong())
        .containsExactly(1L, 2L, 3L);
    JsonNode first = deliveries(s.org(), "?event=campaign.started").get(0);
    assertThat(first.get("status").asString()).isEqualTo("delivered");
    assertThat(first.get("attempts").asInt()).isEqualTo(5);
    assertThat(first.get("last_status_code").asInt()).isEqualTo(200);
    assertThat(first.get("last_error").isNull()).isTrue();
    assertThat(deliveries(s.org(), "?status=pending")).isEmpty();
  }

  @Test
  void aDeliveryDiesAfterItsLastRetryLetsTheNextOnesGoAndComesBackOnRetry() {
    Setup s = aSetup(receiver.url("/hooks"));
    String campaign = aCampaign(s);
    act(s, campaign, "start");
    receiver.always(FAIL);
    WebhookDeliverer node = deliverer("node-a");
    node.deliverDue();
    for (Duration gap : RetrySchedule.GAPS) {
      clock.advance(gap);
      node.deliverDue();
    }
    assertThat(receiver.received()).hasSize(6);
    JsonNode dead = deliveries(s.org(), "?status=dead").get(0);
    assertThat(dead.get("attempts").asInt()).isEqualTo(6);
    assertThat(dead.get("last_error").asString()).isEqualTo("HTTP 500");
    assertThat(dead.get("next_attempt_at").isNull()).isTrue();
    clock.advance(Duration.ofDays(1));
    node.deliverDue();
    assertThat(receiver.received()).as("dead is dead").hasSize(6);

    receiver.always(OK);
    act(s, campaign, "pause");
    node.deliverDue();
    assertThat(receiver.received()).hasSize(7);
    assertThat(body(receiver.received().get(6)).get("event").asString())
        .isEqualTo("campaign.paused");

    String id = dead.get("id").asString();
    post(s.org(), DELIVERIES + "/" + receiver.received().size() + "/retry", null)
        .error(404, "NOT_FOUND");
    post(aSetup().org(), DELIVERIES + "/" + id + "/retry", null).error(404, "NOT_FOUND");
    JsonNode requeued = post(s.org(), DELIVERIES + "/" + id + "/retry/", null).ok();
    assertThat(requeued.get("status").asString()).isEqualTo("pending");
    assertThat(requeued.get("next_attempt_at").isNull()).isFalse();
    post(s.org(), DELIVERIES + "/" + id + "/retry", null).error(409, "CONFLICT");
    node.deliverDue();
    assertThat(receiver.received()).hasSize(8);
    assertThat(receiver.received().get(7).eventId()).isEqualTo(dead.get("event_id").asString());
    assertThat(deliveries(s.org(), "?status=delivered")).hasSize(2);
    post(s.org(), DELIVERIES + "/" + id + "/retry", null).error(409, "CONFLICT");
  }

  @Test
  void aNodeThatDiesHoldingDeliveriesLeavesThemToAnotherOnceItsLeaseExpires() {
    Setup s = aSetup(receiver.url("/hooks"));
    String campaign = aCampaign(s);
    act(s, campaign, "start");
    act(s, campaign, "pause");
    WebhookDeliverer dying = deliverer("node-dies", task -> {}, policy);
    WebhookDeliverer other = deliverer("node-b");

    assertThat(dying.deliverDue()).as("claimed, then the node dies").isEqualTo(1);
    assertThat(other.deliverDue()).as("leased to the dead node").isZero();
    clock.advance(settings.lease().minusSeconds(1));
    assertThat(other.deliverDue()).isZero();
    clock.advance(Duration.ofSeconds(2));
    assertThat(other.deliverDue()).isEqualTo(1);

    assertThat(receiver.received())
        .extracting(r -> body(r).get("event").asString())
        .containsExactly("campaign.started", "campaign.paused");
    assertThat(deliveries(s.org(), "?status=delivered")).hasSize(2);
  }

  @Test
  void twoNodesSendingAtOnceNeverSendOneDeliveryTwiceAndKeepEachStreamInOrder() throws Exception {
    Setup s = aSetup(receiver.url("/a"), receiver.url("/b"));
    for (int c = 0; c < 3; c++) {
      String campaign = aCampaign(s);
      act(s, campaign, "start");
      act(s, campaign, "pause");
      act(s, campaign, "resume");
      act(s, campaign, "complete");
    }
    ExecutorService poolA = Executors.newFixedThreadPool(4);
    ExecutorService poolB = Executors.newFixedThreadPool(4);
    try {
      WebhookDeliverer a = deliverer("node-a", poolA, policy);
      WebhookDeliverer b = deliverer("node-b", poolB, policy);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                CompletableFuture.allOf(
                        CompletableFuture.runAsync(a::deliverDue),
                        CompletableFuture.runAsync(b::deliverDue))
                    .join();
                return receiver.count() >= 24;
              });
    } finally {
      poolA.shutdown();
      poolB.shutdown();
      // why wait: a worker still sending would write into the next test's deliveries.
      poolA.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
      poolB.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    List<WebhookReceiver.Received> got = receiver.received();
    assertThat(got).hasSize(24);
    assertThat(got.stream().map(r -> r.path() + " " + r.eventId())).doesNotHaveDuplicates();
    for (String path : List.of("/a", "/b")) {
      java.util.Map<String, List<Long>> byCampaign = new java.util.HashMap<>();
      got.stream()
          .filter(r -> r.path().equals(path))
          .map(this::body)
          .forEach(
              b ->
                  byCampaign
                      .computeIfAbsent(b.get("data").get("id").asString(), k -> new ArrayList<>())
                      .add(b.get("sequence").asLong()));
      assertThat(byCampaign).hasSize(3);
      byCampaign.values().forEach(seq -> assertThat(seq).containsExactly(1L, 2L, 3L, 4L));
    }
    assertThat(deliveries(s.org(), "?status=delivered")).hasSize(24);
  }

  @Test
  void duringTheDayAfterARotationBothSecretsSignNewFirst() {
    Setup s = aSetup(receiver.url("/hooks"));
    String old = secret(s.org());
    String rotated =
        post(s.org(), "/api/v1/webhooks/secret/rotate", null).ok().get("secret").asString();
    assertThat(rotated).hasSize(64).isNotEqualTo(old);
    assertThat(secret(s.org())).isEqualTo(rotated);
    String campaign = aCampaign(s);
    act(s, campaign, "start");
    WebhookDeliverer node = deliverer("node-a");
    node.deliverDue();
    assertSignedWith(receiver.received().get(0), rotated, old);

    clock.advance(Duration.ofHours(24).plusMinutes(1));
    act(s, campaign, "pause");
    node.deliverDue();
    assertSignedWith(receiver.received().get(1), rotated);
  }

  @Test
  void aNameThatResolvesToLoopbackIsRefusedAtSendTimeAndRetriedLikeAnyFailure() {
    Setup s = aSetup(receiver.url("/hooks").replace("127.0.0.1", "localhost"));
    act(s, aCampaign(s), "start");
    WebhookDeliverer strict = deliverer("node-a", Runnable::run, strictPolicy());

    strict.deliverDue();

    assertThat(receiver.received()).isEmpty();
    JsonNode d = pendingHead(s);
    assertThat(d.get("last_error").asString()).isEqualTo("address not allowed");
    assertThat(d.get("attempts").asInt()).isEqualTo(1);
    assertThat(d.get("next_attempt_at").isNull()).isFalse();
    clock.advance(Duration.ofSeconds(30));
    deliverer("node-b").deliverDue();
    assertThat(receiver.received()).as("allowed once private targets are").hasSize(1);
  }

  private JsonNode pendingHead(Setup s) {
    JsonNode pending = deliveries(s.org(), "?status=pending&event=campaign.started");
    assertThat(pending).hasSize(1);
    return pending.get(0);
  }
}
