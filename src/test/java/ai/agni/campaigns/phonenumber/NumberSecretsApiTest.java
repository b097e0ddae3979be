package ai.agni.campaigns.phonenumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agni.campaigns.organization.Organization;
import ai.agni.campaigns.platform.SecretCipher;
import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A number's SIP password and runtime secret: never in an answer, stored sealed (what a reader of
 * the database sees is {@code v1:...}, which opens to what was sent only for its own column), and
 * credentials in a URL are refused instead of being stored and echoed.
 */
class NumberSecretsApiTest extends ApiTestSupport {

  private static final String NUMBERS = "/api/v1/phone-numbers";

  @Autowired JdbcClient jdbc;
  @Autowired SecretCipher cipher;

  @Test
  void anOrganizationsWebhookSecretIsStoredSealed() {
    TestOrg org = newOrganization();
    String stored =
        jdbc.sql("SELECT webhook_secret FROM organizations WHERE id = ?")
            .param(org.id())
            .query(String.class)
            .single();
    assertThat(stored).startsWith("v1:");
    assertThat(cipher.open(stored, Organization.WEBHOOK_SECRET)).matches("[0-9a-f]{64}");
  }

  @Test
  void secretsAreStoredSealedAndNeverAnswered() {
    TestOrg org = newOrganization();
    String password = "s3cret-" + UUID.randomUUID();
    String secret = "s3cret-" + UUID.randomUUID();
    List<ApiResult> answers = new ArrayList<>();
    answers.add(
        post(
            org,
            NUMBERS,
            json(
                "{'phone_number':'+14155550111','provider':'sip',"
                    + "'sip_trunk_uri':'sip:trunk.example.com:5060;transport=udp',"
                    + "'sip_username':'trunk-user','sip_password':'"
                    + password
                    + "'}")));
    answers.add(
        post(
            org,
            NUMBERS,
            json(
                "{'phone_number':'+14155550112','provider':'http',"
                    + "'runtime_url':'https://runtime.example.com/calls','runtime_secret':'"
                    + secret
                    + "'}")));
    String sip = answers.get(0).ok().get("id").asString();
    String http = answers.get(1).ok().get("id").asString();
    answers.add(get(org, NUMBERS));
    answers.add(get(org, NUMBERS + "/" + sip));
    answers.add(get(org, NUMBERS + "/" + http));
    answers.add(delete(org, NUMBERS + "/+14155550112/release"));

    for (ApiResult answer : answers) {
      assertThat(answer.status()).as(answer.rawBody()).isEqualTo(200);
      assertThat(answer.rawBody()).doesNotContain(password).doesNotContain(secret);
    }
    Map<String, Object> sipRow = row(sip);
    Map<String, Object> httpRow = row(http);
    String storedPassword = (String) sipRow.get("sip_password");
    String storedSecret = (String) httpRow.get("runtime_secret");
    assertThat(storedPassword).startsWith("v1:").doesNotContain(password);
    assertThat(storedSecret).startsWith("v1:").doesNotContain(secret);
    assertThat(sipRow.get("runtime_secret")).isNull();
    assertThat(httpRow.get("sip_password")).isNull();
    assertThat(cipher.open(storedPassword, NumberSecrets.SIP_PASSWORD)).isEqualTo(password);
    assertThat(cipher.open(storedSecret, NumberSecrets.RUNTIME_SECRET)).isEqualTo(secret);
  }

  @Test
  void aSealedValueDoesNotOpenInTheOtherColumn() {
    TestOrg org = newOrganization();
    String id =
        post(
                org,
                NUMBERS,
                json(
                    "{'phone_number':'+14155550113','provider':'sip',"
                        + "'sip_trunk_uri':'sip:trunk.example.com','sip_password':'s3cret-pw'}"))
            .ok()
            .get("id")
            .asString();
    String stored = (String) row(id).get("sip_password");

    assertThat(SecretCipher.isSealed(stored)).isTrue();
    assertThatThrownBy(() -> cipher.open(stored, NumberSecrets.RUNTIME_SECRET))
        .isInstanceOf(SecretCipher.UnreadableSecret.class);
  }

  @Test
  void aRuntimeUrlWithCredentialsIsRefusedNamingTheFieldWithoutEchoingIt() {
    TestOrg org = newOrganization();
    for (String url :
        List.of(
            "https://agni:pa55word@runtime.example.com/calls",
            "https://agni@runtime.example.com/calls",
            "http://agni:pa55@word@runtime.example.com/")) {
      ApiResult refused =
          post(
              org,
              NUMBERS,
              json(
                  "{'phone_number':'+14155550114','provider':'http','runtime_url':'"
                      + url
                      + "','runtime_secret':'s3cret'}"));
      JsonNode body = refused.invalidField("runtime_url");
      assertThat(body.get("message").asString()).contains("runtime_secret");
      assertThat(refused.rawBody()).doesNotContain("pa55").doesNotContain("agni@");
    }
    post(
            org,
            NUMBERS,
            json(
                "{'phoneNumber':'+14155550114','provider':'http',"
                    + "'runtimeUrl':'https://a:b@runtime.example.com'}"))
        .invalidField("runtimeUrl");
    assertThat(get(org, NUMBERS).ok()).isEmpty();
  }

  @Test
  void aPasswordInTheTrunkUriIsRefusedAndAUserAloneIsFine() {
    TestOrg org = newOrganization();
    ApiResult refused =
        post(
            org,
            NUMBERS,
            json(
                "{'phone_number':'+14155550115','provider':'sip',"
                    + "'sip_trunk_uri':'sip:trunk-user:pa55word@trunk.example.com:5060'}"));
    JsonNode body = refused.invalidField("sip_trunk_uri");
    assertThat(body.get("message").asString()).contains("sip_username").contains("sip_password");
    assertThat(refused.rawBody()).doesNotContain("pa55word");

    JsonNode accepted =
        post(
                org,
                NUMBERS,
                json(
                    "{'phone_number':'+14155550115','provider':'sip',"
                        + "'sip_trunk_uri':'sip:trunk-user@trunk.example.com:5060'}"))
            .ok();
    assertThat(accepted.get("sip_trunk_uri").asString())
        .isEqualTo("sip:trunk-user@trunk.example.com:5060");
  }

  @Test
  void anAgentWebhookUrlWithCredentialsIsRefusedNamingTheItem() {
    TestOrg org = newOrganization();
    ApiResult refused =
        post(
            org,
            "/api/v1/agents",
            json(
                "{'name':'Hooks','webhookUrls':['https://hooks.example.com/a',"
                    + "'https://hook:pa55word@hooks.example.com/b']}"));
    refused.invalidField("webhookUrls[1]");
    assertThat(refused.rawBody()).doesNotContain("pa55word");
    String agent = post(org, "/api/v1/agents", json("{'name':'Hooks'}")).ok().get("id").asString();
    ApiResult patched =
        patch(
            org,
            "/api/v1/agents/" + agent,
            json("{'webhook_urls':['https://hook:pa55word@hooks.example.com/b']}"));
    patched.invalidField("webhook_urls[0]");
    assertThat(get(org, "/api/v1/agents/" + agent).ok().get("webhookUrls")).isEmpty();
  }

  private Map<String, Object> row(String id) {
    return jdbc.sql("SELECT sip_password, runtime_secret FROM phone_numbers WHERE id = ?")
        .param(UUID.fromString(id))
        .query()
        .singleRow();
  }
}
