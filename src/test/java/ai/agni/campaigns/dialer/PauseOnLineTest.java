package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The engine's pause of the campaigns on a number whose trunk refused its credentials names each
 * campaign it paused (for their log lines), and a campaign's last activation is kept for the dial
 * lag.
 */
class PauseOnLineTest extends ApiTestSupport {

  @Autowired EngineCampaignRepository campaigns;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Test
  void pausesTheActiveCampaignsOnTheNumberAndNamesThem() {
    TestOrg org = newOrganization();
    String agent = post(org, "/api/v1/agents", json("{'name':'A'}")).ok().get("id").asString();
    JsonNode number =
        post(org, "/api/v1/phone-numbers", json("{'phone_number':'+14155550177'}")).ok();
    String contact =
        post(org, "/api/v1/contacts", json("{'phone':'+14155550178'}")).ok().get("id").asString();
    String body =
        json(
            "{'name':'C','agentId':'%s','phoneNumberId':'%s','fromPhoneNumber':'+14155550177',"
                    .formatted(agent, number.get("id").asString())
                + "'contactIds':['"
                + contact
                + "']}");
    String id = post(org, "/api/v1/campaigns", body).ok().get("id").asString();
    post(org, "/api/v1/campaigns/" + id + "/start", null).ok();
    OffsetDateTime firstActive = activeSince(id);
    assertThat(firstActive).isNotNull();

    UUID line = UUID.fromString(number.get("id").asString());
    List<UUID> paused =
        tx.execute(s -> campaigns.pauseOnLine(org.id(), line, "trunk_auth_failed", Instant.now()));
    assertThat(paused).containsExactly(UUID.fromString(id));
    JsonNode campaign = get(org, "/api/v1/campaigns/" + id).ok();
    assertThat(campaign.get("status").asString()).isEqualTo("paused");
    assertThat(campaign.get("pausedReason").asString()).isEqualTo("trunk_auth_failed");
    List<UUID> again = tx.execute(s -> campaigns.pauseOnLine(org.id(), line, "x", Instant.now()));
    assertThat(again).isEmpty();

    post(org, "/api/v1/campaigns/" + id + "/resume", null).ok();
    assertThat(activeSince(id)).as("resuming moves the last activation").isAfter(firstActive);
  }

  private OffsetDateTime activeSince(String id) {
    return jdbc.sql("SELECT active_since FROM campaigns WHERE id = ?")
        .param(UUID.fromString(id))
        .query(OffsetDateTime.class)
        .single();
  }
}
