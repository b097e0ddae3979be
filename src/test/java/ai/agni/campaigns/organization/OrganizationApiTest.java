package ai.agni.campaigns.organization;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

class OrganizationApiTest extends ApiTestSupport {

  @Autowired JdbcClient jdbc;

  @Test
  void healthNeedsNoKeyAndReportsTheDatabase() {
    for (String path : new String[] {"/api/v1/health", "/api/v1/health/"}) {
      JsonNode data = perform(MockMvcRequestBuilders.get(path)).ok();
      assertThat(data.get("status").asString()).isEqualTo("ok");
      assertThat(data.get("database").asString()).isEqualTo("ok");
    }
  }

  @Test
  void missingUnknownAndRevokedKeysAre401() {
    assertThat(get(null, "/api/v1/api-keys").error(401, "UNAUTHORIZED")).isNotNull();
    assertThat(get(new TestOrg(null, "agni_nope"), "/api/v1/api-keys").status()).isEqualTo(401);

    TestOrg org = newOrganization();
    JsonNode second = post(org, "/api/v1/api-keys", json("{'name':'ci'}")).ok();
    String secondKey = second.get("api_key").asString();
    TestOrg viaSecond = new TestOrg(org.id(), secondKey);
    assertThat(get(viaSecond, "/api/v1/api-keys").status()).isEqualTo(200);

    delete(org, "/api/v1/api-keys/" + second.get("id").asString()).ok();
    get(viaSecond, "/api/v1/api-keys").error(401, "UNAUTHORIZED");
    assertThat(get(org, "/api/v1/api-keys/").status()).isEqualTo(200);
  }

  @Test
  void keysAreStoredHashedAndListedByPrefixOnly() {
    TestOrg org = newOrganization();
    JsonNode created = post(org, "/api/v1/api-keys", null).ok();
    String plain = created.get("api_key").asString();
    assertThat(plain).startsWith("agni_").hasSizeGreaterThan(40);

    String stored =
        jdbc.sql("SELECT key_hash FROM api_keys WHERE id = ?")
            .param(java.util.UUID.fromString(created.get("id").asString()))
            .query(String.class)
            .single();
    assertThat(stored).isEqualTo(ApiKeyHasher.hash(plain)).doesNotContain(plain);

    ApiResult list = get(org, "/api/v1/api-keys");
    assertThat(list.rawBody()).doesNotContain(plain);
    assertThat(list.ok()).hasSize(2);
    assertThat(list.ok().get(0).has("prefix")).isTrue();
  }

  @Test
  void keyListPagesByLimitAndOffsetWithTheDefaultLimitInMeta() {
    TestOrg org = newOrganization();
    post(org, "/api/v1/api-keys", json("{'name':'two'}")).ok();
    post(org, "/api/v1/api-keys", json("{'name':'three'}")).ok();

    JsonNode all = get(org, "/api/v1/api-keys").json();
    assertThat(all.get("data")).hasSize(3);
    assertThat(all.get("meta").get("total").asInt()).isEqualTo(3);
    assertThat(all.get("meta").get("limit").asInt()).isEqualTo(50);
    assertThat(all.get("meta").get("offset").asInt()).isZero();

    JsonNode page = get(org, "/api/v1/api-keys/?limit=1&offset=1").json();
    assertThat(page.get("data")).hasSize(1);
    assertThat(page.get("data").get(0).get("name").asString()).isEqualTo("two");
    assertThat(page.get("meta").get("total").asInt()).isEqualTo(3);
    assertThat(page.get("meta").get("limit").asInt()).isEqualTo(1);
    assertThat(page.get("meta").get("offset").asInt()).isEqualTo(1);

    get(org, "/api/v1/api-keys?limit=501").invalidField("limit");
  }

  @Test
  void anotherOrganizationsKeyCannotBeRevoked() {
    TestOrg owner = newOrganization();
    TestOrg other = newOrganization();
    String id = get(owner, "/api/v1/api-keys").ok().get(0).get("id").asString();
    delete(other, "/api/v1/api-keys/" + id).error(404, "NOT_FOUND");
    delete(other, "/api/v1/api-keys/not-a-uuid").error(404, "NOT_FOUND");
    assertThat(get(owner, "/api/v1/api-keys").status()).isEqualTo(200);
  }

  @Test
  void adminCreatesAnOrganizationWithDefaultsAndAFirstKey() {
    ApiResult result =
        perform(
            MockMvcRequestBuilders.post("/api/v1/admin/organizations")
                .header("X-Admin-Token", "test-admin-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'name':'Acme','default_region':'gb'}")));
    JsonNode data = result.ok();
    JsonNode org = data.get("organization");
    assertThat(org.get("name").asString()).isEqualTo("Acme");
    assertThat(org.get("default_region").asString()).isEqualTo("GB");
    assertThat(org.get("outbound_max_concurrent").asInt()).isEqualTo(100);
    assertThat(org.get("outbound_max_cps").asDouble()).isEqualTo(10.0);
    TestOrg created = new TestOrg(null, data.get("api_key").asString());
    assertThat(get(created, "/api/v1/api-keys").status()).isEqualTo(200);
  }

  @Test
  void adminRejectsWrongTokenAndBadInput() {
    perform(
            MockMvcRequestBuilders.post("/api/v1/admin/organizations")
                .header("X-Admin-Token", "wrong")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\"}"))
        .error(401, "UNAUTHORIZED");
    // The token is checked before the body is read: without it a broken body is still a 401.
    perform(
            MockMvcRequestBuilders.post("/api/v1/admin/organizations")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":"))
        .error(401, "UNAUTHORIZED");
    perform(
            MockMvcRequestBuilders.post("/api/v1/admin/organizations")
                .header("X-Admin-Token", "test-admin-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'name':'x','outboundMaxCps':'fast'}")))
        .invalidField("outboundMaxCps");
    perform(
            MockMvcRequestBuilders.post("/api/v1/admin/organizations")
                .header("X-Admin-Token", "test-admin-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'name':'x','outboundMaxCps':1,'outbound_max_cps':2}")))
        .invalidField("outboundMaxCps");
    perform(
            MockMvcRequestBuilders.post("/api/v1/admin/organizations")
                .header("X-Admin-Token", "test-admin-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":"))
        .invalidField("body");
  }

  @Test
  void aNameLongerThanItsColumnIsA400NotA500() {
    // why: creation took 500 characters against a 200-character column, and failed with a 500.
    perform(
            MockMvcRequestBuilders.post("/api/v1/admin/organizations")
                .header("X-Admin-Token", "test-admin-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + "x".repeat(201) + "\"}"))
        .invalidField("name");
    assertThat(
            perform(
                    MockMvcRequestBuilders.post("/api/v1/admin/organizations")
                        .header("X-Admin-Token", "test-admin-token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "x".repeat(200) + "\"}"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void unknownRoutesAndOversizeBodiesGetTheEnvelope() {
    TestOrg org = newOrganization();
    get(org, "/api/v1/no-such-thing").error(404, "NOT_FOUND");
    String big = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
    post(org, "/api/v1/api-keys", big).invalidField("body");
  }
}
