package ai.agni.campaigns.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The webhook endpoints as a client sees them: envelope, paging, filters, errors, tenancy. */
class WebhookApiTest extends WebhookTestSupport {

  @Test
  void theSecretIsTheOrganizationsOwnAndRotatesToANewOne() {
    TestOrg a = newOrganization();
    TestOrg b = newOrganization();
    ApiResult answer = get(a, "/api/v1/webhooks/secret/");
    JsonNode data = answer.ok();
    assertThat(answer.json().get("message").asString()).isNotBlank();
    assertThat(data.propertyNames()).containsExactly("secret");
    assertThat(data.get("secret").asString()).matches("[0-9a-f]{64}");
    assertThat(secret(b)).isNotEqualTo(secret(a));
    String rotated = post(a, "/api/v1/webhooks/secret/rotate/", null).ok().get("secret").asString();
    assertThat(rotated).matches("[0-9a-f]{64}").isNotEqualTo(data.get("secret").asString());
    assertThat(secret(a)).isEqualTo(rotated);
    get(null, "/api/v1/webhooks/secret").error(401, "UNAUTHORIZED");
    post(null, "/api/v1/webhooks/secret/rotate", null).error(401, "UNAUTHORIZED");
  }

  @Test
  void deliveriesAreListedNewestFirstWithMetaPagingAndFilters() {
    Setup s = aSetup(receiver.url("/a"), receiver.url("/b"));
    String first = aCampaign(s);
    act(s, first, "start");
    act(s, first, "pause");
    String second = aCampaign(s);
    act(s, second, "start");

    ApiResult all = get(s.org(), DELIVERIES);
    JsonNode items = all.ok();
    assertThat(items).hasSize(6);
    assertThat(all.json().get("meta").toString())
        .isEqualTo("{\"total\":6,\"limit\":50,\"offset\":0}");
    JsonNode newest = items.get(0);
    assertThat(newest.propertyNames())
        .containsExactly(
            "id",
            "event_id",
            "event",
            "url",
            "status",
            "attempts",
            "last_status_code",
            "last_error",
            "next_attempt_at",
            "delivered_at",
            "created_at");
    assertThat(newest.get("event").asString()).isEqualTo("campaign.started");
    assertThat(newest.get("status").asString()).isEqualTo("pending");
    assertThat(newest.get("attempts").asInt()).isZero();
    assertThat(newest.get("next_attempt_at").asString()).endsWith("Z");
    assertThat(newest.get("delivered_at").isNull()).isTrue();

    ApiResult page = get(s.org(), DELIVERIES + "/?limit=4&offset=4");
    assertThat(page.ok()).hasSize(2);
    assertThat(page.json().get("meta").get("total").asLong()).isEqualTo(6);
    assertThat(page.json().get("meta").get("offset").asLong()).isEqualTo(4);
    assertThat(deliveries(s.org(), "?campaign_id=" + first)).hasSize(4);
    assertThat(deliveries(s.org(), "?campaignId=" + second)).hasSize(2);
    assertThat(deliveries(s.org(), "?event=campaign.paused")).hasSize(2);
    assertThat(deliveries(s.org(), "?status=PENDING&event=campaign.started")).hasSize(4);
    assertThat(deliveries(s.org(), "?status=dead")).isEmpty();
    assertThat(deliveries(s.org(), "?campaign_id=" + UUID.randomUUID())).isEmpty();

    deliverer("node-a").deliverDue();
    assertThat(deliveries(s.org(), "?status=delivered")).hasSize(6);
  }

  @Test
  void deliveriesAndTheOutboxDepthAreMetricsWithHelpText() throws Exception {
    Setup s = aSetup(receiver.url("/a"));
    act(s, aCampaign(s), "start");
    receiver.next(WebhookReceiver.FAIL);
    deliverer("node-a").deliverDue();

    String text =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/actuator/prometheus"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(text)
        .contains("# HELP agni_webhook_deliveries_total Webhook delivery tries by result")
        .contains("agni_webhook_deliveries_total{result=\"failed\"}")
        .contains("agni_webhook_deliveries_total{result=\"delivered\"}")
        .contains("agni_webhook_deliveries_total{result=\"dead\"}")
        .contains("# HELP agni_webhook_outbox_depth Webhook deliveries pending");
  }

  @Test
  void badQueryValuesAre400sNamingTheParameter() {
    TestOrg org = newOrganization();
    get(org, DELIVERIES + "?status=failed").invalidField("status");
    get(org, DELIVERIES + "?event=call.started").invalidField("event");
    get(org, DELIVERIES + "?campaign_id=nope").invalidField("campaign_id");
    get(org, DELIVERIES + "?limit=0").invalidField("limit");
    get(org, DELIVERIES + "?limit=501").invalidField("limit");
    get(org, DELIVERIES + "?offset=-1").invalidField("offset");
    get(null, DELIVERIES).error(401, "UNAUTHORIZED");
  }

  @Test
  void anotherOrganizationsDeliveriesAreNeitherListedNorRetriable() {
    Setup s = aSetup(receiver.url("/a"));
    act(s, aCampaign(s), "start");
    String id = deliveries(s.org(), "").get(0).get("id").asString();
    TestOrg other = newOrganization();

    assertThat(deliveries(other, "")).isEmpty();
    post(other, DELIVERIES + "/" + id + "/retry", null).error(404, "NOT_FOUND");
    post(s.org(), DELIVERIES + "/" + UUID.randomUUID() + "/retry", null).error(404, "NOT_FOUND");
    ApiResult notDead = post(s.org(), DELIVERIES + "/" + id + "/retry", null);
    notDead.error(409, "CONFLICT");
    assertThat(notDead.json().get("message").asString()).contains("pending");
  }
}
