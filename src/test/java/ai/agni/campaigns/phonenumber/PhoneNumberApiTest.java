package ai.agni.campaigns.phonenumber;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.platform.SecretCipher;
import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

class PhoneNumberApiTest extends ApiTestSupport {

  private static final String NUMBERS = "/api/v1/phone-numbers";

  @Autowired JdbcClient jdbc;
  @Autowired PhoneNumberRepository repository;
  @Autowired SecretCipher cipher;

  @Test
  void importsANumberWithDefaultsAndExactlyTheDocumentedFields() {
    TestOrg org = newOrganization();
    JsonNode number = post(org, NUMBERS, json("{'phone_number':'(415) 555-0100'}")).ok();

    assertThat(number.propertyNames())
        .containsExactly(
            "id",
            "phone_number",
            "friendly_name",
            "provider",
            "status",
            "max_concurrent",
            "max_cps",
            "sip_trunk_uri",
            "runtime_url",
            "created_at");
    assertThat(UUID.fromString(number.get("id").asString()).version()).isEqualTo(7);
    assertThat(number.get("phone_number").asString()).isEqualTo("+14155550100");
    assertThat(number.get("provider").asString()).isEqualTo("simulated");
    assertThat(number.get("status").asString()).isEqualTo("active");
    for (String field : List.of("friendly_name", "max_concurrent", "max_cps", "sip_trunk_uri")) {
      assertThat(number.get(field).isNull()).as(field).isTrue();
    }
    assertThat(number.get("created_at").asString()).endsWith("Z");
  }

  @Test
  void acceptsBothCasings() {
    TestOrg org = newOrganization();
    JsonNode snake =
        post(
                org,
                NUMBERS + "/",
                json(
                    "{'phone_number':'+14155550101','friendly_name':'Main','max_concurrent':3,"
                        + "'max_cps':0.5,'provider':'SIMULATED'}"))
            .ok();
    JsonNode camel =
        post(
                org,
                NUMBERS,
                json(
                    "{'phoneNumber':'+14155550102','friendlyName':'Main','maxConcurrent':3,"
                        + "'maxCps':0.5}"))
            .ok();
    for (JsonNode number : List.of(snake, camel)) {
      assertThat(number.get("friendly_name").asString()).isEqualTo("Main");
      assertThat(number.get("max_concurrent").asInt()).isEqualTo(3);
      assertThat(number.get("max_cps").asDouble()).isEqualTo(0.5);
      assertThat(number.get("provider").asString()).isEqualTo("simulated");
    }
  }

  @Test
  void normalisesWithTheOrganizationsDefaultRegion() {
    TestOrg gb = organizationIn("GB");
    JsonNode number = post(gb, NUMBERS, json("{'phone_number':'020 7946 0018'}")).ok();
    assertThat(number.get("phone_number").asString()).isEqualTo("+442079460018");
    post(gb, NUMBERS, json("{'phone_number':'(415) 555-0100'}")).invalidField("phone_number");
  }

  @Test
  void sipNumbersNeedATrunkUriAndNeverShowCredentials() {
    TestOrg org = newOrganization();
    post(org, NUMBERS, json("{'phone_number':'+14155550103','provider':'sip'}"))
        .invalidField("sipTrunkUri");
    post(
            org,
            NUMBERS,
            json("{'phone_number':'+14155550103','provider':'sip','sip_trunk_uri':'http://x'}"))
        .invalidField("sip_trunk_uri");
    ApiResult created =
        post(
            org,
            NUMBERS,
            json(
                "{'phone_number':'+14155550103','provider':'Sip',"
                    + "'sip_trunk_uri':'sip:127.0.0.1:5060;transport=udp',"
                    + "'sip_username':'trunk-user','sip_password':'s3cret-pw'}"));
    JsonNode number = created.ok();
    assertThat(number.get("provider").asString()).isEqualTo("sip");
    assertThat(number.get("sip_trunk_uri").asString())
        .isEqualTo("sip:127.0.0.1:5060;transport=udp");
    assertThat(created.rawBody()).doesNotContain("s3cret-pw").doesNotContain("trunk-user");
    assertThat(get(org, NUMBERS).rawBody()).doesNotContain("s3cret-pw");

    PhoneNumber stored =
        repository.find(org.id(), UUID.fromString(number.get("id").asString())).orElseThrow();
    assertThat(stored.sipUsername()).isEqualTo("trunk-user");
    assertThat(stored.sipPassword()).startsWith("v1:").doesNotContain("s3cret-pw");
    assertThat(cipher.open(stored.sipPassword(), NumberSecrets.SIP_PASSWORD))
        .isEqualTo("s3cret-pw");
    assertThat(stored.toString()).doesNotContain("s3cret-pw");
    JsonNode sips =
        post(
                org,
                NUMBERS,
                json(
                    "{'phoneNumber':'+14155550104','provider':'sip',"
                        + "'sipTrunkUri':'SIPS:trunk.example.com'}"))
            .ok();
    assertThat(sips.get("sip_trunk_uri").asString()).isEqualTo("SIPS:trunk.example.com");
  }

  @Test
  void httpNumbersNeedAnAbsoluteRuntimeUrlAndNeverShowTheSecret() {
    TestOrg org = newOrganization();
    post(org, NUMBERS, json("{'phone_number':'+14155550105','provider':'http'}"))
        .invalidField("runtimeUrl");
    post(
            org,
            NUMBERS,
            json("{'phone_number':'+14155550105','provider':'http','runtime_url':'/calls'}"))
        .invalidField("runtime_url");
    ApiResult created =
        post(
            org,
            NUMBERS,
            json(
                "{'phone_number':'+14155550105','provider':'http',"
                    + "'runtime_url':'https://runtime.example.com/calls',"
                    + "'runtime_secret':'hush-hush','sip_password':'ignored-pw'}"));
    JsonNode number = created.ok();
    assertThat(number.get("runtime_url").asString()).isEqualTo("https://runtime.example.com/calls");
    assertThat(number.get("sip_trunk_uri").isNull()).isTrue();
    assertThat(created.rawBody()).doesNotContain("hush-hush");
    PhoneNumber stored =
        repository.find(org.id(), UUID.fromString(number.get("id").asString())).orElseThrow();
    assertThat(cipher.open(stored.runtimeSecret(), NumberSecrets.RUNTIME_SECRET))
        .isEqualTo("hush-hush");
    assertThat(stored.sipPassword()).isNull();
  }

  @Test
  void rejectsInvalidInputNamingTheField() {
    TestOrg org = newOrganization();
    post(org, NUMBERS, json("{}")).invalidField("phoneNumber");
    post(org, NUMBERS, json("{'phone_number':''}")).invalidField("phone_number");
    post(org, NUMBERS, json("{'phone_number':12}")).invalidField("phone_number");
    post(org, NUMBERS, json("{'phone_number':'12345'}")).invalidField("phone_number");
    post(org, NUMBERS, json("{'phone_number':'not a number'}")).invalidField("phone_number");
    post(org, NUMBERS, json("{'phone_number':'+14155550100','phoneNumber':'+14155550100'}"))
        .invalidField("phoneNumber");
    String ok = "'phone_number':'+14155550106',";
    post(org, NUMBERS, json("{" + ok + "'provider':'twilio'}")).invalidField("provider");
    post(org, NUMBERS, json("{" + ok + "'max_concurrent':0}")).invalidField("max_concurrent");
    post(org, NUMBERS, json("{" + ok + "'max_concurrent':10001}")).invalidField("max_concurrent");
    post(org, NUMBERS, json("{" + ok + "'maxConcurrent':1.5}")).invalidField("maxConcurrent");
    post(org, NUMBERS, json("{" + ok + "'max_cps':0.05}")).invalidField("max_cps");
    post(org, NUMBERS, json("{" + ok + "'max_cps':1000.5}")).invalidField("max_cps");
    post(org, NUMBERS, json("{" + ok + "'maxCps':'fast'}")).invalidField("maxCps");
    post(org, NUMBERS, json("{" + ok + "'friendly_name':['x']}")).invalidField("friendly_name");
    assertThat(get(org, NUMBERS).ok()).isEmpty();

    JsonNode edges =
        post(org, NUMBERS, json("{" + ok + "'max_concurrent':10000,'max_cps':0.1}")).ok();
    assertThat(edges.get("max_concurrent").asInt()).isEqualTo(10000);
  }

  @Test
  void importingAnActiveNumberAgainIsAConflictButAReleasedOneComesBack() {
    TestOrg org = newOrganization();
    JsonNode first =
        post(org, NUMBERS, json("{'phone_number':'+14155550107','friendly_name':'Old'}")).ok();
    post(org, NUMBERS, json("{'phone_number':'4155550107'}")).error(409, "CONFLICT");

    delete(org, NUMBERS + "/+14155550107/release").ok();
    JsonNode again =
        post(
                org,
                NUMBERS,
                json(
                    "{'phone_number':'415-555-0107','friendly_name':'New','max_concurrent':2,"
                        + "'provider':'http','runtime_url':'http://rt.example/x'}"))
            .ok();
    assertThat(again.get("id")).isEqualTo(first.get("id"));
    assertThat(again.get("status").asString()).isEqualTo("active");
    assertThat(again.get("friendly_name").asString()).isEqualTo("New");
    assertThat(again.get("max_concurrent").asInt()).isEqualTo(2);
    assertThat(again.get("provider").asString()).isEqualTo("http");
    assertThat(get(org, NUMBERS).ok()).hasSize(1);

    JsonNode elsewhere =
        post(newOrganization(), NUMBERS, json("{'phone_number':'+14155550107'}")).ok();
    assertThat(elsewhere.get("id")).isNotEqualTo(first.get("id"));
  }

  @Test
  void listsWithPagingMetaAndKeepsReleasedNumbers() {
    TestOrg org = newOrganization();
    for (int i = 0; i < 3; i++) {
      post(org, NUMBERS, json("{'phone_number':'+1415555012" + i + "'}")).ok();
    }
    delete(org, NUMBERS + "/+14155550120/release/").ok();

    ApiResult page = get(org, NUMBERS + "?limit=2&offset=0");
    JsonNode items = page.ok();
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("phone_number").asString()).isEqualTo("+14155550120");
    assertThat(items.get(0).get("status").asString()).isEqualTo("released");
    assertThat(items.get(1).get("status").asString()).isEqualTo("active");
    JsonNode meta = page.json().get("meta");
    assertThat(meta.get("total").asInt()).isEqualTo(3);
    assertThat(meta.get("limit").asInt()).isEqualTo(2);
    assertThat(meta.get("offset").asInt()).isEqualTo(0);
    ApiResult rest = get(org, NUMBERS + "/?limit=2&offset=2");
    assertThat(rest.ok()).hasSize(1);
    assertThat(rest.ok().get(0).get("phone_number").asString()).isEqualTo("+14155550122");
    get(org, NUMBERS + "?limit=x").invalidField("limit");
  }

  @Test
  void fetchesOneNumberById() {
    TestOrg org = newOrganization();
    JsonNode created = post(org, NUMBERS, json("{'phone_number':'+14155550130'}")).ok();
    String id = created.get("id").asString();
    assertThat(get(org, NUMBERS + "/" + id).ok()).isEqualTo(created);
    assertThat(get(org, NUMBERS + "/" + id + "/").ok()).isEqualTo(created);
    get(org, NUMBERS + "/not-an-id").error(404, "NOT_FOUND");
    get(org, NUMBERS + "/" + UUID.randomUUID()).error(404, "NOT_FOUND");
  }

  @Test
  void releaseAcceptsTheNumberRawEncodedOrItsId() {
    TestOrg org = newOrganization();
    String id =
        post(org, NUMBERS, json("{'phone_number':'+14155550140'}")).ok().get("id").asString();
    JsonNode released = delete(org, NUMBERS + "/+14155550140/release").ok();
    assertThat(released.get("status").asString()).isEqualTo("released");
    assertThat(released.get("id").asString()).isEqualTo(id);

    post(org, NUMBERS, json("{'phone_number':'+14155550140'}")).ok();
    JsonNode encoded = releaseByUri(org, NUMBERS + "/%2B14155550140/release").ok();
    assertThat(encoded.get("status").asString()).isEqualTo("released");

    post(org, NUMBERS, json("{'phone_number':'+14155550140'}")).ok();
    assertThat(delete(org, NUMBERS + "/" + id + "/release/").ok().get("status").asString())
        .isEqualTo("released");
    assertThat(delete(org, NUMBERS + "/" + id + "/release").ok().get("status").asString())
        .as("releasing twice is harmless")
        .isEqualTo("released");
    assertThat(get(org, NUMBERS + "/" + id).ok().get("status").asString()).isEqualTo("released");

    delete(org, NUMBERS + "/+14155550199/release").error(404, "NOT_FOUND");
    delete(org, NUMBERS + "/garbage/release").error(404, "NOT_FOUND");
  }

  @Test
  void releasePausesTheActiveCampaignsOnTheNumberInTheSameStep() {
    TestOrg org = newOrganization();
    UUID numberId =
        UUID.fromString(
            post(org, NUMBERS, json("{'phone_number':'+14155550150'}")).ok().get("id").asString());
    UUID active = insertCampaign(org.id(), numberId, "active", "running");
    UUID draft = insertCampaign(org.id(), numberId, "draft", "draft");
    UUID completed = insertCampaign(org.id(), numberId, "completed", "completed");
    UUID otherNumber = insertCampaign(org.id(), UUID.randomUUID(), "active", "running");

    delete(org, NUMBERS + "/+14155550150/release").ok();

    Map<String, Object> paused = campaign(active);
    assertThat(paused.get("status")).isEqualTo("paused");
    assertThat(paused.get("execution_status")).isEqualTo("paused");
    assertThat(((Number) paused.get("version")).longValue()).isEqualTo(4);
    assertThat(toOffset(paused.get("updated_at")))
        .isAfter(OffsetDateTime.parse("2026-01-01T00:00:00Z"));
    assertThat(campaign(draft).get("status")).isEqualTo("draft");
    assertThat(campaign(completed).get("status")).isEqualTo("completed");
    assertThat(campaign(otherNumber).get("status")).isEqualTo("active");
    assertThat(((Number) campaign(draft).get("version")).longValue()).isEqualTo(3);
  }

  @Test
  void anotherOrganizationGets404OnEveryVerb() {
    TestOrg owner = newOrganization();
    TestOrg other = newOrganization();
    String id =
        post(owner, NUMBERS, json("{'phone_number':'+14155550160'}")).ok().get("id").asString();
    UUID campaign = insertCampaign(owner.id(), UUID.fromString(id), "active", "running");

    get(other, NUMBERS + "/" + id).error(404, "NOT_FOUND");
    delete(other, NUMBERS + "/" + id + "/release").error(404, "NOT_FOUND");
    delete(other, NUMBERS + "/+14155550160/release").error(404, "NOT_FOUND");
    assertThat(get(other, NUMBERS).ok()).isEmpty();

    assertThat(get(owner, NUMBERS + "/" + id).ok().get("status").asString()).isEqualTo("active");
    assertThat(campaign(campaign).get("status")).isEqualTo("active");
    assertThat(repository.find(other.id(), UUID.fromString(id))).isEmpty();
    assertThat(repository.find(owner.id(), UUID.fromString(id))).isPresent();
  }

  private ApiResult releaseByUri(TestOrg org, String rawPath) {
    return perform(
        MockMvcRequestBuilders.delete(URI.create(rawPath)).header("X-Api-Key", org.apiKey()));
  }

  private TestOrg organizationIn(String region) {
    var created = organizationService.create("Org " + UUID.randomUUID(), region, 100, 10);
    return new TestOrg(created.organization().id(), created.apiKey());
  }

  private UUID insertCampaign(UUID orgId, UUID numberId, String status, String execution) {
    UUID id = UUID.randomUUID();
    OffsetDateTime longAgo = OffsetDateTime.parse("2025-01-01T00:00:00Z");
    jdbc.sql(
            """
            INSERT INTO campaigns (id, organization_id, name, agent_id, phone_number_id,
              from_phone_number, status, execution_status, window_start, window_end, window_days,
              timezone, max_concurrent, retry_attempts, retry_gap_min, created_at, updated_at,
              version)
            VALUES (?, ?, 'c', ?, ?, '+14155550150', ?, ?, '09:00', '18:00', '1,2,3,4,5', 'UTC',
              5, 2, 30, ?, ?, 3)
            """)
        .params(id, orgId, UUID.randomUUID(), numberId, status, execution, longAgo, longAgo)
        .update();
    return id;
  }

  private Map<String, Object> campaign(UUID id) {
    return jdbc.sql(
            "SELECT status, execution_status, version, updated_at FROM campaigns WHERE id = ?")
        .param(id)
        .query()
        .singleRow();
  }

  private static OffsetDateTime toOffset(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt;
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant().atOffset(ZoneOffset.UTC);
    }
    return OffsetDateTime.parse(value.toString());
  }
}
