package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** Another organization's key sees 404 on every campaign endpoint, and changes nothing. */
class CampaignTenantIsolationTest extends CampaignApiTestBase {

  @Test
  void everyEndpointAnswers404ToAnotherOrganization() {
    Setup s = aSetup();
    JsonNode active = post(s.org(), path(aDraft(s)) + "/start", null).ok();
    JsonNode draft = aDraft(s);
    Setup intruder = aSetup();
    String contacts = json("{'contactIds':['" + intruder.contacts().get(0) + "']}");
    record Call(HttpMethod method, String suffix, String body) {}
    List<Call> calls =
        List.of(
            new Call(HttpMethod.GET, "", null),
            new Call(HttpMethod.PATCH, "", json("{'name':'hijacked'}")),
            new Call(HttpMethod.PATCH, "/", json("{'status':'completed'}")),
            new Call(HttpMethod.DELETE, "", null),
            new Call(HttpMethod.POST, "/start", null),
            new Call(HttpMethod.POST, "/pause", null),
            new Call(HttpMethod.POST, "/resume", null),
            new Call(HttpMethod.POST, "/complete", null),
            new Call(HttpMethod.GET, "/contacts", null),
            new Call(HttpMethod.POST, "/contacts", contacts),
            new Call(
                HttpMethod.DELETE,
                "/contacts",
                json("{'contactIds':['" + s.contacts().get(0) + "']}")));
    for (JsonNode victim : List.of(active, draft)) {
      for (Call call : calls) {
        ApiResult result =
            call(call.method(), path(victim) + call.suffix(), intruder.org(), call.body());
        assertThat(result.status()).as(call.toString()).isEqualTo(404);
        result.error(404, "NOT_FOUND");
      }
      assertThat(get(s.org(), path(victim)).ok()).isEqualTo(victim);
    }
    assertThat(data.queueSize(id(draft))).isEqualTo(3);
    assertThat(get(intruder.org(), "/api/v1/campaigns").json().get("meta").get("total").asInt())
        .isZero();
    assertThat(get(intruder.org(), "/api/v1/campaigns?search=Spring").ok()).isEmpty();
  }

  @Test
  void anotherOrganizationsReferencesAreUnknown() {
    Setup s = aSetup();
    Setup other = aSetup();
    JsonNode c = aDraft(s);
    patch(s.org(), path(c), json("{'agentId':'" + other.agentId() + "'}")).invalidField("agentId");
    patch(
            s.org(),
            path(c),
            json(
                "{'phoneNumberId':'"
                    + other.number().id()
                    + "','fromPhoneNumber':'"
                    + other.number().phone()
                    + "'}"))
        .invalidField("phoneNumberId");
    post(s.org(), path(c) + "/contacts", json("{'contactIds':['" + other.contacts().get(0) + "']}"))
        .invalidField("contactIds");
    assertThat(get(s.org(), path(c)).ok()).isEqualTo(c);
  }

  @Test
  void missingKeyIs401() {
    get(null, "/api/v1/campaigns").error(401, "UNAUTHORIZED");
    post(null, "/api/v1/campaigns", "{}").error(401, "UNAUTHORIZED");
  }
}
