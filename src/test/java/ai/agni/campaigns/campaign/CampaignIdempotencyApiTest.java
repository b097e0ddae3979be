package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Idempotency-Key on campaign creation: replay within 24 h, nothing created twice. */
class CampaignIdempotencyApiTest extends CampaignApiTestBase {

  private ApiResult create(TestOrg org, String key, String body) {
    return perform(
        MockMvcRequestBuilders.post("/api/v1/campaigns")
            .header("X-Api-Key", org.apiKey())
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @Test
  void aRepeatedKeyReplaysTheFirstAnswerAndCreatesNothing() {
    Setup s = aSetup();
    String body = createBody(s, s.contacts(), "");
    ApiResult first = create(s.org(), "order-42", body);
    first.ok();
    patch(s.org(), "/api/v1/campaigns/" + first.ok().get("id").asString(), json("{'name':'later'}"))
        .ok();
    ApiResult again = create(s.org(), "order-42", createBody(s, List.of(), "'name':'other'"));
    assertThat(again.rawBody()).isEqualTo(first.rawBody());
    assertThat(data.campaignCount(s.org().id())).isEqualTo(1);

    ApiResult otherKey = create(s.org(), "order-43", body);
    assertThat(otherKey.ok().get("id")).isNotEqualTo(first.ok().get("id"));
    Setup otherOrg = aSetup();
    ApiResult sameKeyOtherOrg =
        create(otherOrg.org(), "order-42", createBody(otherOrg, otherOrg.contacts(), ""));
    assertThat(sameKeyOtherOrg.ok().get("organizationId").asString())
        .isEqualTo(otherOrg.org().id().toString());
    assertThat(data.campaignCount(s.org().id())).isEqualTo(2);
  }

  @Test
  void aKeyOlderThan24HoursIsForgotten() {
    Setup s = aSetup();
    String body = createBody(s, s.contacts(), "");
    String firstId = create(s.org(), "daily", body).ok().get("id").asString();
    jdbc.sql(
            "UPDATE idempotency_keys SET created_at = created_at - INTERVAL '25' HOUR"
                + " WHERE organization_id = ?")
        .param(s.org().id())
        .update();
    String secondId = create(s.org(), "daily", body).ok().get("id").asString();
    assertThat(secondId).isNotEqualTo(firstId);
    assertThat(create(s.org(), "daily", body).ok().get("id").asString()).isEqualTo(secondId);
  }

  @Test
  void failedRequestsAreNotRememberedAndBadKeysAre400() {
    Setup s = aSetup();
    create(s.org(), "k1", createBody(s, s.contacts(), "'outboundMaxCps':-1"))
        .invalidField("outboundMaxCps");
    create(s.org(), "k1", createBody(s, s.contacts(), "")).ok();
    create(s.org(), "x".repeat(201), createBody(s, s.contacts(), ""))
        .invalidField("Idempotency-Key");
    assertThat(data.campaignCount(s.org().id())).isEqualTo(1);
  }

  @Test
  void concurrentDuplicatesCreateOneCampaign() throws Exception {
    Setup s = aSetup();
    String body = createBody(s, s.contacts(), "");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<ApiResult>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tasks.add(() -> create(s.org(), "burst", body));
      }
      List<String> ids = new ArrayList<>();
      for (Future<ApiResult> result : pool.invokeAll(tasks)) {
        ids.add(result.get().ok().get("id").asString());
      }
      assertThat(ids).containsOnly(ids.get(0));
    } finally {
      pool.shutdown();
    }
    assertThat(data.campaignCount(s.org().id())).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM campaign_contacts WHERE organization_id = ?")
                .param(s.org().id())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }
}
