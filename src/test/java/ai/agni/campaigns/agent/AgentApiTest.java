package ai.agni.campaigns.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AgentApiTest extends ApiTestSupport {

  @Autowired JdbcClient jdbc;
  @Autowired AgentRepository agents;

  @Test
  void createsAnAgentWithDefaultsAndExactlyTheDocumentedFields() {
    TestOrg org = newOrganization();
    JsonNode agent = post(org, "/api/v1/agents", json("{'name':'Sales'}")).ok();

    assertThat(agent.propertyNames())
        .containsExactly(
            "id",
            "organizationId",
            "name",
            "agentName",
            "status",
            "ringDurationMs",
            "maxCallDurationMs",
            "enableVoicemailDetection",
            "webhookUrls",
            "prompt",
            "beginMessage",
            "sipUri",
            "createdAt",
            "updatedAt");
    assertThat(UUID.fromString(agent.get("id").asString()).version()).isEqualTo(7);
    assertThat(agent.get("organizationId").asString()).isEqualTo(org.id().toString());
    assertThat(agent.get("name").asString()).isEqualTo("Sales");
    assertThat(agent.get("agentName").isNull()).isTrue();
    assertThat(agent.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(agent.get("ringDurationMs").asInt()).isEqualTo(30000);
    assertThat(agent.get("maxCallDurationMs").asInt()).isEqualTo(600000);
    assertThat(agent.get("enableVoicemailDetection").isNull()).isTrue();
    assertThat(agent.get("webhookUrls").isArray()).isTrue();
    assertThat(agent.get("webhookUrls")).isEmpty();
    assertThat(agent.get("createdAt").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(agent.get("updatedAt").asString()).isEqualTo(agent.get("createdAt").asString());
  }

  @Test
  void acceptsBothCasingsAndKeepsOtherFieldsAsGiven() {
    TestOrg org = newOrganization();
    JsonNode camel =
        post(
                org,
                "/api/v1/agents/",
                json(
                    "{'name':'A','agentName':'Ava','ringDurationMs':20000,"
                        + "'maxCallDurationMs':120000,'enableVoicemailDetection':true,"
                        + "'webhookUrls':['https://hooks.example.com/a'],'prompt':'Be kind',"
                        + "'beginMessage':'Hi','model':'gpt-4o','voiceId':'v1','temperature':0.3,"
                        + "'tools':[{'type':'end_call'}]}"))
            .ok();
    JsonNode snake =
        post(
                org,
                "/api/v1/agents",
                json(
                    "{'name':'A','agent_name':'Ava','ring_duration_ms':20000,"
                        + "'max_call_duration_ms':120000,'enable_voicemail_detection':true,"
                        + "'webhook_urls':['https://hooks.example.com/a'],'prompt':'Be kind',"
                        + "'begin_message':'Hi','voice_id':'v1'}"))
            .ok();

    for (JsonNode agent : List.of(camel, snake)) {
      assertThat(agent.get("agentName").asString()).isEqualTo("Ava");
      assertThat(agent.get("ringDurationMs").asInt()).isEqualTo(20000);
      assertThat(agent.get("maxCallDurationMs").asInt()).isEqualTo(120000);
      assertThat(agent.get("enableVoicemailDetection").asBoolean()).isTrue();
      assertThat(agent.get("webhookUrls").get(0).asString())
          .isEqualTo("https://hooks.example.com/a");
      assertThat(agent.get("prompt").asString()).isEqualTo("Be kind");
      assertThat(agent.get("beginMessage").asString()).isEqualTo("Hi");
    }
    assertThat(camel.get("model").asString()).isEqualTo("gpt-4o");
    assertThat(camel.get("voiceId").asString()).isEqualTo("v1");
    assertThat(camel.get("temperature").asDouble()).isEqualTo(0.3);
    assertThat(camel.get("tools").get(0).get("type").asString()).isEqualTo("end_call");
    assertThat(snake.get("voice_id").asString()).isEqualTo("v1");
    assertThat(snake.has("agent_name")).isFalse();

    JsonNode fetched = get(org, "/api/v1/agents/" + camel.get("id").asString()).ok();
    assertThat(fetched).isEqualTo(camel);
  }

  @Test
  void extraFieldsNeverOverrideKnownOnes() {
    TestOrg org = newOrganization();
    JsonNode agent =
        post(
                org,
                "/api/v1/agents",
                json(
                    "{'name':'A','id':'x','organization_id':'y','created_at':'never',"
                        + "'updatedAt':'never','organizationId':'z'}"))
            .ok();
    assertThat(UUID.fromString(agent.get("id").asString()).version()).isEqualTo(7);
    assertThat(agent.get("organizationId").asString()).isEqualTo(org.id().toString());
    assertThat(agent.has("organization_id")).isFalse();
    assertThat(agent.has("created_at")).isFalse();
    assertThat(agent.get("createdAt").asString()).isNotEqualTo("never");
    assertThat(agent.get("updatedAt").asString()).isNotEqualTo("never");
  }

  @Test
  void rejectsInvalidInputNamingTheField() {
    TestOrg org = newOrganization();
    post(org, "/api/v1/agents", json("{}")).invalidField("name");
    post(org, "/api/v1/agents", json("{'name':'  '}")).invalidField("name");
    post(org, "/api/v1/agents", json("{'name':null}")).invalidField("name");
    post(org, "/api/v1/agents", json("{'name':7}")).invalidField("name");
    post(org, "/api/v1/agents", json("{'name':'" + "x".repeat(501) + "'}")).invalidField("name");
    post(org, "/api/v1/agents", json("{'name':'a','Name':'b','name ':'c'}")).ok();
    post(org, "/api/v1/agents", json("{'name':'a','agentName':'x','agent_name':'y'}"))
        .invalidField("agentName");
    post(org, "/api/v1/agents", json("{'name':'a','ringDurationMs':999}"))
        .invalidField("ringDurationMs");
    post(org, "/api/v1/agents", json("{'name':'a','ring_duration_ms':300001}"))
        .invalidField("ring_duration_ms");
    post(org, "/api/v1/agents", json("{'name':'a','ringDurationMs':'long'}"))
        .invalidField("ringDurationMs");
    post(org, "/api/v1/agents", json("{'name':'a','maxCallDurationMs':999}"))
        .invalidField("maxCallDurationMs");
    post(org, "/api/v1/agents", json("{'name':'a','maxCallDurationMs':14400001}"))
        .invalidField("maxCallDurationMs");
    post(org, "/api/v1/agents", json("{'name':'a','enableVoicemailDetection':'yes'}"))
        .invalidField("enableVoicemailDetection");
    post(org, "/api/v1/agents", json("{'name':'a','status':'sleeping'}")).invalidField("status");
    post(org, "/api/v1/agents", "[]").invalidField("body");
    post(org, "/api/v1/agents", "{\"name\":").invalidField("body");
    assertThat(get(org, "/api/v1/agents").ok()).hasSize(1);
  }

  @Test
  void acceptsTheBoundariesOfTheDurationRanges() {
    TestOrg org = newOrganization();
    JsonNode low =
        post(
                org,
                "/api/v1/agents",
                json("{'name':'a','ringDurationMs':1000,'maxCallDurationMs':1000}"))
            .ok();
    assertThat(low.get("ringDurationMs").asInt()).isEqualTo(1000);
    JsonNode high =
        post(
                org,
                "/api/v1/agents",
                json("{'name':'a','ringDurationMs':300000,'maxCallDurationMs':14400000}"))
            .ok();
    assertThat(high.get("maxCallDurationMs").asInt()).isEqualTo(14400000);
  }

  @Test
  void webhookUrlsMustBeAbsoluteHttpUrls() {
    TestOrg org = newOrganization();
    post(org, "/api/v1/agents", json("{'name':'a','webhookUrls':['https://ok.example','ftp://x']}"))
        .invalidField("webhookUrls[1]");
    post(org, "/api/v1/agents", json("{'name':'a','webhookUrls':['/relative']}"))
        .invalidField("webhookUrls[0]");
    post(org, "/api/v1/agents", json("{'name':'a','webhook_urls':['not a url']}"))
        .invalidField("webhook_urls[0]");
    post(org, "/api/v1/agents", json("{'name':'a','webhookUrls':[42]}"))
        .invalidField("webhookUrls[0]");
    post(org, "/api/v1/agents", json("{'name':'a','webhookUrls':'https://x.example'}"))
        .invalidField("webhookUrls");
    JsonNode ok =
        post(
                org,
                "/api/v1/agents",
                json(
                    "{'name':'a','webhookUrls':['http://localhost:9000/hook','HTTPS://X.example']}"))
            .ok();
    assertThat(ok.get("webhookUrls")).hasSize(2);
  }

  @Test
  void listsInCreationOrderWithPagingMeta() {
    TestOrg org = newOrganization();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(post(org, "/api/v1/agents", json("{'name':'a" + i + "'}")).ok().get("id").asString());
    }
    ApiResult page = get(org, "/api/v1/agents/?limit=2&offset=1");
    JsonNode items = page.ok();
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("id").asString()).isEqualTo(ids.get(1));
    assertThat(items.get(1).get("id").asString()).isEqualTo(ids.get(2));
    JsonNode meta = page.json().get("meta");
    assertThat(meta.get("total").asInt()).isEqualTo(5);
    assertThat(meta.get("limit").asInt()).isEqualTo(2);
    assertThat(meta.get("offset").asInt()).isEqualTo(1);

    ApiResult all = get(org, "/api/v1/agents");
    assertThat(all.ok()).hasSize(5);
    assertThat(all.json().get("meta").get("limit").asInt()).isEqualTo(50);
    assertThat(all.json().get("meta").get("offset").asInt()).isEqualTo(0);
    get(org, "/api/v1/agents?limit=0").invalidField("limit");
    get(org, "/api/v1/agents?limit=501").invalidField("limit");
    get(org, "/api/v1/agents?offset=-1").invalidField("offset");
    assertThat(get(newOrganization(), "/api/v1/agents").ok()).isEmpty();
  }

  @Test
  void patchChangesOnlyTheSentFields() {
    TestOrg org = newOrganization();
    JsonNode created =
        post(
                org,
                "/api/v1/agents",
                json(
                    "{'name':'A','agentName':'Ava','ringDurationMs':20000,'prompt':'p',"
                        + "'webhookUrls':['https://a.example'],'model':'m1','voiceId':'v1'}"))
            .ok();
    String path = "/api/v1/agents/" + created.get("id").asString();

    JsonNode updated =
        patch(org, path + "/", json("{'max_call_duration_ms':5000,'voice_id':'v2','extra1':1}"))
            .ok();
    assertThat(updated.get("maxCallDurationMs").asInt()).isEqualTo(5000);
    assertThat(updated.get("name").asString()).isEqualTo("A");
    assertThat(updated.get("agentName").asString()).isEqualTo("Ava");
    assertThat(updated.get("ringDurationMs").asInt()).isEqualTo(20000);
    assertThat(updated.get("prompt").asString()).isEqualTo("p");
    assertThat(updated.get("webhookUrls").get(0).asString()).isEqualTo("https://a.example");
    assertThat(updated.get("model").asString()).isEqualTo("m1");
    assertThat(updated.get("voice_id").asString()).isEqualTo("v2");
    assertThat(updated.has("voiceId")).isFalse();
    assertThat(updated.get("extra1").asInt()).isEqualTo(1);
    assertThat(updated.get("createdAt")).isEqualTo(created.get("createdAt"));

    JsonNode cleared =
        patch(org, path, json("{'agentName':null,'ringDurationMs':null,'webhookUrls':null}")).ok();
    assertThat(cleared.get("agentName").isNull()).isTrue();
    assertThat(cleared.get("ringDurationMs").asInt()).isEqualTo(30000);
    assertThat(cleared.get("webhookUrls")).isEmpty();
    assertThat(get(org, path).ok()).isEqualTo(cleared);

    patch(org, path, json("{'name':''}")).invalidField("name");
    patch(org, path, json("{'ringDurationMs':0}")).invalidField("ringDurationMs");
    patch(org, path, json("{'webhookUrls':['mailto:a@b.c']}")).invalidField("webhookUrls[0]");
    patch(org, path, "\"text\"").invalidField("body");
    assertThat(get(org, path).ok()).isEqualTo(cleared);
  }

  @Test
  void statusAcceptsEveryDocumentedSpelling() {
    TestOrg org = newOrganization();
    String path =
        "/api/v1/agents/"
            + post(org, "/api/v1/agents", json("{'name':'A'}")).ok().get("id").asString();
    String[][] cases = {
      {"inactive", "INACTIVE"},
      {"Active", "ACTIVE"},
      {"AGENT_STATUS_INACTIVE", "INACTIVE"},
      {"agent_status_active", "ACTIVE"},
      {"INACTIVE", "INACTIVE"}
    };
    for (String[] c : cases) {
      JsonNode agent = patch(org, path + "/status/", json("{'status':'" + c[0] + "'}")).ok();
      assertThat(agent.get("status").asString()).as(c[0]).isEqualTo(c[1]);
    }
    assertThat(get(org, path).ok().get("status").asString()).isEqualTo("INACTIVE");
    patch(org, path + "/status", json("{'status':'paused'}")).invalidField("status");
    patch(org, path + "/status", json("{'status':null}")).invalidField("status");
    patch(org, path + "/status", json("{}")).invalidField("status");
    patch(org, path + "/status", json("{'status':1}")).invalidField("status");
    JsonNode viaPatch = patch(org, path, json("{'status':'AGENT_STATUS_ACTIVE'}")).ok();
    assertThat(viaPatch.get("status").asString()).isEqualTo("ACTIVE");
    JsonNode createdInactive =
        post(org, "/api/v1/agents", json("{'name':'B','status':'inactive'}")).ok();
    assertThat(createdInactive.get("status").asString()).isEqualTo("INACTIVE");
  }

  @Test
  void deleteIsRefusedWhileAnActiveCampaignUsesTheAgent() {
    TestOrg org = newOrganization();
    String id = post(org, "/api/v1/agents", json("{'name':'A'}")).ok().get("id").asString();
    UUID campaign = insertCampaign(org, UUID.fromString(id), "active");

    delete(org, "/api/v1/agents/" + id).error(409, "CONFLICT");
    assertThat(get(org, "/api/v1/agents/" + id).ok().get("id").asString()).isEqualTo(id);

    jdbc.sql("UPDATE campaigns SET status = 'paused' WHERE id = ?").param(campaign).update();
    JsonNode deleted = delete(org, "/api/v1/agents/" + id + "/").ok();
    assertThat(deleted.get("id").asString()).isEqualTo(id);
    get(org, "/api/v1/agents/" + id).error(404, "NOT_FOUND");
    delete(org, "/api/v1/agents/" + id).error(404, "NOT_FOUND");
  }

  @Test
  void anotherOrganizationsActiveCampaignDoesNotBlockDelete() {
    TestOrg org = newOrganization();
    String id = post(org, "/api/v1/agents", json("{'name':'A'}")).ok().get("id").asString();
    insertCampaign(newOrganization(), UUID.fromString(id), "active");
    delete(org, "/api/v1/agents/" + id).ok();
  }

  @Test
  void anotherOrganizationGets404OnEveryVerb() {
    TestOrg owner = newOrganization();
    TestOrg other = newOrganization();
    String path =
        "/api/v1/agents/"
            + post(owner, "/api/v1/agents", json("{'name':'A'}")).ok().get("id").asString();

    get(other, path).error(404, "NOT_FOUND");
    patch(other, path, json("{'name':'stolen'}")).error(404, "NOT_FOUND");
    patch(other, path + "/status", json("{'status':'inactive'}")).error(404, "NOT_FOUND");
    delete(other, path).error(404, "NOT_FOUND");
    assertThat(get(other, "/api/v1/agents").ok()).isEmpty();

    JsonNode unchanged = get(owner, path).ok();
    assertThat(unchanged.get("name").asString()).isEqualTo("A");
    assertThat(unchanged.get("status").asString()).isEqualTo("ACTIVE");
    for (String bad : List.of("not-a-uuid", "123")) {
      get(owner, "/api/v1/agents/" + bad).error(404, "NOT_FOUND");
      patch(owner, "/api/v1/agents/" + bad, json("{'name':'x'}")).error(404, "NOT_FOUND");
      delete(owner, "/api/v1/agents/" + bad).error(404, "NOT_FOUND");
    }
    get(null, path).error(401, "UNAUTHORIZED");
  }

  @Test
  void otherFeaturesReadTheAgentThroughTheRepository() {
    TestOrg org = newOrganization();
    UUID id =
        UUID.fromString(
            post(
                    org,
                    "/api/v1/agents",
                    json("{'name':'A','ringDurationMs':15000,'webhookUrls':['https://h.example']}"))
                .ok()
                .get("id")
                .asString());
    Agent agent = agents.find(org.id(), id).orElseThrow();
    assertThat(agent.ringDurationMs()).isEqualTo(15000);
    assertThat(agent.maxCallDurationMs()).isEqualTo(600000);
    assertThat(agent.webhookUrls()).containsExactly("https://h.example");
    assertThat(agent.isActive()).isTrue();
    assertThat(agents.find(newOrganization().id(), id)).isEmpty();
  }

  private UUID insertCampaign(TestOrg org, UUID agentId, String status) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.sql(
            """
            INSERT INTO campaigns (id, organization_id, name, agent_id, phone_number_id,
              from_phone_number, status, execution_status, window_start, window_end, window_days,
              timezone, max_concurrent, retry_attempts, retry_gap_min, created_at, updated_at,
              version)
            VALUES (?, ?, 'c', ?, ?, '+14155550100', ?, ?, '09:00', '18:00', '1,2,3,4,5', 'UTC',
              5, 2, 30, ?, ?, 0)
            """)
        .params(id, org.id(), agentId, UUID.randomUUID(), status, status, now, now)
        .update();
    return id;
  }
}
