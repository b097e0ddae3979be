package ai.agni.campaigns.campaign;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Shared set-up of the campaign API tests: an organization with an agent, a number, contacts. */
abstract class CampaignApiTestBase extends ApiTestSupport {

  @Autowired JdbcClient jdbc;
  CampaignTestData data;

  @BeforeEach
  void testData() {
    data = new CampaignTestData(jdbc);
  }

  /** An organization ready to run campaigns: an active agent and number, three contacts. */
  Setup aSetup() {
    TestOrg org = newOrganization();
    return new Setup(
        org,
        data.anActiveAgent(org.id()),
        data.anActiveNumber(org.id()),
        data.contacts(org.id(), 3));
  }

  /** The create body for the set-up, with {@code extra} JSON members appended (single quotes). */
  static String createBody(Setup s, List<UUID> contactIds, String extra) {
    String ids = contactIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    return json(
        "{'name':'Spring promo','agentId':'"
            + s.agentId()
            + "','phoneNumberId':'"
            + s.number().id()
            + "','fromPhoneNumber':'"
            + s.number().phone()
            + "','contactIds':["
            + ids
            + "]"
            + (extra.isEmpty() ? "" : "," + extra)
            + "}");
  }

  ApiResult createRaw(Setup s, String extra) {
    return post(s.org(), "/api/v1/campaigns", createBody(s, s.contacts(), extra));
  }

  /** A draft campaign with the set-up's three contacts. */
  JsonNode aDraft(Setup s) {
    return createRaw(s, "").ok();
  }

  JsonNode anActiveCampaign(Setup s) {
    JsonNode draft = aDraft(s);
    return post(s.org(), path(draft) + "/start", null).ok();
  }

  static String path(JsonNode campaign) {
    return "/api/v1/campaigns/" + campaign.get("id").asString();
  }

  static UUID id(JsonNode campaign) {
    return UUID.fromString(campaign.get("id").asString());
  }

  /** An organization with what campaigns need. */
  record Setup(
      TestOrg org, UUID agentId, CampaignTestData.PhoneNumber number, List<UUID> contacts) {}
}
