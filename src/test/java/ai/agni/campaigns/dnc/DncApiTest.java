package ai.agni.campaigns.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

class DncApiTest extends ApiTestSupport {

  private static final String DNC = "/api/v1/dnc";

  @Autowired DncRepository repository;

  @Test
  void addsNormalisedNumbersAndToleratesRepeats() {
    TestOrg org = newOrganization();
    JsonNode added =
        post(org, DNC, json("{'phones':['(415) 555-0100','+14155550101','415.555.0100']}")).ok();
    assertThat(added.get("added").asInt()).isEqualTo(2);
    assertThat(added.get("phones").valueStream().map(JsonNode::asString))
        .containsExactly("+14155550100", "+14155550101");

    JsonNode again = post(org, DNC + "/", json("{'phones':['+14155550100','4155550102']}")).ok();
    assertThat(again.get("added").asInt()).isEqualTo(1);
    assertThat(again.get("phones").valueStream().map(JsonNode::asString))
        .containsExactly("+14155550100", "+14155550102");

    assertThat(repository.contains(org.id(), "+14155550100")).isTrue();
    assertThat(repository.contains(org.id(), "+14155550199")).isFalse();
    assertThat(repository.contains(newOrganization().id(), "+14155550100")).isFalse();
    assertThat(get(org, DNC).json().get("meta").get("total").asInt()).isEqualTo(3);
  }

  @Test
  void rejectsInvalidInputNamingTheEntryAndListsNothing() {
    TestOrg org = newOrganization();
    post(org, DNC, json("{'phones':['+14155550100','nope','+14155550101']}"))
        .invalidField("phones[1]");
    post(org, DNC, json("{'phones':['+14155550100',42]}")).invalidField("phones[1]");
    post(org, DNC, json("{'phones':['12345']}")).invalidField("phones[0]");
    post(org, DNC, json("{'phones':[]}")).invalidField("phones");
    post(org, DNC, json("{'phones':'+14155550100'}")).invalidField("phones");
    post(org, DNC, json("{'phones':null}")).invalidField("phones");
    post(org, DNC, json("{}")).invalidField("phones");
    post(org, DNC, "[\"+14155550100\"]").invalidField("body");
    assertThat(get(org, DNC).ok()).isEmpty();
    assertThat(repository.contains(org.id(), "+14155550100")).isFalse();
  }

  @Test
  void normalisesWithTheOrganizationsDefaultRegion() {
    var created = organizationService.create("GB org", "GB", 100, 10);
    TestOrg gb = new TestOrg(created.organization().id(), created.apiKey());
    JsonNode added = post(gb, DNC, json("{'phones':['020 7946 0018']}")).ok();
    assertThat(added.get("phones").get(0).asString()).isEqualTo("+442079460018");
    delete(gb, DNC + "/02079460018").ok();
    assertThat(repository.contains(gb.id(), "+442079460018")).isFalse();
  }

  @Test
  void listsSnakeCaseItemsWithPagingMeta() {
    TestOrg org = newOrganization();
    post(org, DNC, json("{'phones':['+14155550103','+14155550101','+14155550102']}")).ok();

    ApiResult page = get(org, DNC + "?limit=2&offset=1");
    JsonNode items = page.ok();
    assertThat(items).hasSize(2);
    assertThat(items.get(0).propertyNames()).containsExactly("phone", "created_at");
    assertThat(items.get(0).get("phone").asString()).isEqualTo("+14155550102");
    assertThat(items.get(1).get("phone").asString()).isEqualTo("+14155550103");
    assertThat(items.get(0).get("created_at").asString()).endsWith("Z");
    JsonNode meta = page.json().get("meta");
    assertThat(meta.get("total").asInt()).isEqualTo(3);
    assertThat(meta.get("limit").asInt()).isEqualTo(2);
    assertThat(meta.get("offset").asInt()).isEqualTo(1);
    get(org, DNC + "/?limit=600").invalidField("limit");
  }

  @Test
  void removesANumberGivenRawOrEncoded() {
    TestOrg org = newOrganization();
    post(org, DNC, json("{'phones':['+14155550100','+14155550101']}")).ok();

    JsonNode removed = delete(org, DNC + "/+14155550100").ok();
    assertThat(removed.get("phone").asString()).isEqualTo("+14155550100");
    assertThat(repository.contains(org.id(), "+14155550100")).isFalse();
    delete(org, DNC + "/+14155550100/").error(404, "NOT_FOUND");

    ApiResult encoded =
        perform(
            MockMvcRequestBuilders.delete(URI.create(DNC + "/%2B14155550101/"))
                .header("X-Api-Key", org.apiKey()));
    assertThat(encoded.ok().get("phone").asString()).isEqualTo("+14155550101");
    delete(org, DNC + "/not-a-number").error(404, "NOT_FOUND");
    assertThat(get(org, DNC).ok()).isEmpty();
  }

  @Test
  void anotherOrganizationCannotSeeOrRemoveTheList() {
    TestOrg owner = newOrganization();
    TestOrg other = newOrganization();
    post(owner, DNC, json("{'phones':['+14155550100']}")).ok();

    assertThat(get(other, DNC).ok()).isEmpty();
    assertThat(get(other, DNC).json().get("meta").get("total").asInt()).isZero();
    delete(other, DNC + "/+14155550100").error(404, "NOT_FOUND");
    assertThat(repository.contains(owner.id(), "+14155550100")).isTrue();

    JsonNode theirs = post(other, DNC, json("{'phones':['+14155550100']}")).ok();
    assertThat(theirs.get("added").asInt()).isEqualTo(1);
    delete(other, DNC + "/+14155550100").ok();
    assertThat(repository.contains(owner.id(), "+14155550100")).isTrue();
    get(null, DNC).error(401, "UNAUTHORIZED");
  }
}
