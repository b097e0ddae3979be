package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class CreateCallApiTest extends ApiTestSupport {

  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;

  @Test
  void createsAQueuedCallAndAnswersTheFlatDocumentedShape() {
    TestOrg org = newOrganization();
    Setup setup = setup(org);

    ApiResult result =
        post(
            org,
            "/api/v1/calling/create-call",
            body("outbound_call", setup.agent(), setup.from(), "(212) 555-0199"));

    assertThat(result.status()).isEqualTo(200);
    JsonNode json = result.json();
    assertThat(json.get("success").asBoolean()).isTrue();
    assertThat(json.get("message").asString()).isEqualTo("call created successfully");
    assertThat(json.get("access_token").isNull()).isTrue();
    assertThat(json.get("url").isNull()).isTrue();
    UUID session = UUID.fromString(json.get("session_id").asString());
    assertThat(json.get("room_id").asString()).isEqualTo(session.toString());
    String row =
        jdbc.sql(
                "SELECT status || '/' || callee_number || '/' || caller_number FROM calls WHERE id = ? AND node IS NULL")
            .param(session)
            .query(String.class)
            .single();
    assertThat(row).isEqualTo("queued/+12125550199/" + setup.from());
  }

  @Test
  void webCallsAreNotSupportedAndBadInputNamesTheField() {
    TestOrg org = newOrganization();
    Setup setup = setup(org);
    post(
            org,
            "/api/v1/calling/create-call",
            body("web_call", setup.agent(), setup.from(), "+12125550100"))
        .invalidField("type");
    post(
            org,
            "/api/v1/calling/create-call",
            body("outbound_call", setup.agent(), "+14155550000", "+12125550100"))
        .invalidField("from_phone_number");
    post(
            org,
            "/api/v1/calling/create-call",
            body("outbound_call", UUID.randomUUID(), setup.from(), "+12125550100"))
        .invalidField("agent_id");
    post(
            org,
            "/api/v1/calling/create-call",
            body("outbound_call", setup.agent(), setup.from(), "not a number"))
        .invalidField("to_phone_number");
  }

  @Test
  void aNumberOnTheDoNotCallListIsAConflict() {
    TestOrg org = newOrganization();
    Setup setup = setup(org);
    new EngineFixtures(jdbc, template).doNotCall(org.id(), "+12125550123");
    post(
            org,
            "/api/v1/calling/create-call",
            body("outbound_call", setup.agent(), setup.from(), "+12125550123"))
        .error(409, "CONFLICT");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM calls WHERE organization_id = ?")
                .param(org.id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  private Setup setup(TestOrg org) {
    EngineFixtures fixtures = new EngineFixtures(jdbc, template);
    return new Setup(
        fixtures.anAgent(org.id()), fixtures.aPhoneNumber(org.id(), null, null).number());
  }

  private static String body(String type, UUID agent, String from, String to) {
    return json(
        "{'type':'%s','agent_id':'%s','from_phone_number':'%s','to_phone_number':'%s','metadata':{'k':1}}"
            .formatted(type, agent, from, to));
  }

  record Setup(UUID agent, String from) {}
}
