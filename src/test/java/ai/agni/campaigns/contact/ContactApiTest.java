package ai.agni.campaigns.contact;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ContactApiTest extends ApiTestSupport {

  static final String CONTACTS = "/api/v1/contacts";

  @Autowired JdbcClient jdbc;

  @Test
  void createsAContactAndShowsEveryFieldInSnakeCase() {
    TestOrg org = newOrganization();
    JsonNode created =
        post(
                org,
                CONTACTS + "/",
                json(
                    "{'first_name':'Ada','last_name':'Lovelace','email':'ada@example.com',"
                        + "'phone':'(415) 555-0100','company':'Analytical','timezone':'asia/dubai',"
                        + "'metadata':{'plan':'gold','visits':3,'nested':{'a':[1,true,null]}},"
                        + "'tags':[' vip ','','beta'],'notes':'likes engines'}"))
            .ok();
    assertThat(fieldNames(created))
        .containsExactly(
            "id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "company",
            "timezone",
            "metadata",
            "tags",
            "notes",
            "created_at",
            "updated_at");
    assertThat(created.get("phone").asString()).isEqualTo("+14155550100");
    assertThat(created.get("timezone").asString()).isEqualTo("Asia/Dubai");
    assertThat(created.get("metadata").get("visits").asInt()).isEqualTo(3);
    assertThat(created.get("metadata").get("nested").get("a").get(1).asBoolean()).isTrue();
    assertThat(created.get("tags").valueStream().map(JsonNode::asString))
        .containsExactly("vip", "beta");
    assertThat(created.get("created_at").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(UUID.fromString(created.get("id").asString()).version()).isEqualTo(7);

    JsonNode fetched = get(org, CONTACTS + "/" + created.get("id").asString() + "/").ok();
    assertThat(fetched).isEqualTo(created);
  }

  @Test
  void unsetOptionalFieldsAreNullNotAbsent() {
    TestOrg org = newOrganization();
    JsonNode created = post(org, CONTACTS, json("{'phone':'+442071838750'}")).ok();
    for (String field :
        List.of("first_name", "last_name", "email", "company", "timezone", "notes")) {
      assertThat(created.has(field)).as(field).isTrue();
      assertThat(created.get(field).isNull()).as(field).isTrue();
    }
    assertThat(created.get("metadata").isObject()).isTrue();
    assertThat(created.get("metadata").size()).isZero();
    assertThat(created.get("tags").isArray()).isTrue();
  }

  @Test
  void acceptsCamelCaseNameAndCustomVariables() {
    TestOrg org = newOrganization();
    JsonNode camel =
        post(
                org,
                CONTACTS,
                json(
                    "{'firstName':'Grace','lastName':'Hopper','phone':'4155550101','customVariables':{'x':1}}"))
            .ok();
    assertThat(camel.get("first_name").asString()).isEqualTo("Grace");
    assertThat(camel.get("last_name").asString()).isEqualTo("Hopper");
    assertThat(camel.get("metadata").get("x").asInt()).isEqualTo(1);

    JsonNode named =
        post(
                org,
                CONTACTS,
                json("{'name':'Mary Ann Evans','phone':'4155550102','custom_variables':{'y':'z'}}"))
            .ok();
    assertThat(named.get("first_name").asString()).isEqualTo("Mary");
    assertThat(named.get("last_name").asString()).isEqualTo("Ann Evans");
    assertThat(named.get("metadata").get("y").asString()).isEqualTo("z");

    JsonNode single = post(org, CONTACTS, json("{'name':'Cher','phone':'4155550103'}")).ok();
    assertThat(single.get("first_name").asString()).isEqualTo("Cher");
    assertThat(single.get("last_name").isNull()).isTrue();

    JsonNode explicitWins =
        post(org, CONTACTS, json("{'name':'A B','last_name':'C','phone':'4155550104'}")).ok();
    assertThat(explicitWins.get("first_name").asString()).isEqualTo("A");
    assertThat(explicitWins.get("last_name").asString()).isEqualTo("C");
  }

  /** A real client sends both, often {@code metadata: {}}: they merge, customVariables winning. */
  @Test
  void metadataAndCustomVariablesSentTogetherAreMerged() {
    TestOrg org = newOrganization();
    JsonNode empty =
        post(
                org,
                CONTACTS,
                json("{'phone':'4155550110','metadata':{},'customVariables':{'plan':'gold'}}"))
            .ok();
    assertThat(empty.get("metadata").toString()).isEqualTo("{\"plan\":\"gold\"}");
    JsonNode both =
        post(
                org,
                CONTACTS,
                json(
                    "{'phone':'4155550111','metadata':{'a':1,'b':1},"
                        + "'custom_variables':{'b':2,'c':3}}"))
            .ok();
    assertThat(both.get("metadata").toString()).isEqualTo("{\"a\":1,\"b\":2,\"c\":3}");
    String id = both.get("id").asString();
    JsonNode patched =
        patch(org, CONTACTS + "/" + id, json("{'metadata':{'a':9},'customVariables':{'d':4}}"))
            .ok();
    assertThat(patched.get("metadata").toString()).isEqualTo("{\"a\":9,\"d\":4}");
  }

  @Test
  void rejectsInvalidInputNamingTheField() {
    TestOrg org = newOrganization();
    post(org, CONTACTS, json("{'first_name':'No Phone'}")).invalidField("phone");
    post(org, CONTACTS, json("{'phone':''}")).invalidField("phone");
    post(org, CONTACTS, json("{'phone':'12'}")).invalidField("phone");
    post(org, CONTACTS, json("{'phone':'not a number'}")).invalidField("phone");
    post(org, CONTACTS, json("{'phone':4155550100}")).invalidField("phone");
    post(org, CONTACTS, json("{'phone':'4155550100','timezone':'Mars/Olympus'}"))
        .invalidField("timezone");
    post(org, CONTACTS, json("{'phone':'4155550100','email':'nobody.example.com'}"))
        .invalidField("email");
    post(org, CONTACTS, json("{'phone':'4155550100','first_name':5}")).invalidField("first_name");
    post(org, CONTACTS, json("{'phone':'4155550100','firstName':'a','first_name':'b'}"))
        .invalidField("firstName");
    post(org, CONTACTS, json("{'phone':'4155550100','metadata':[1]}")).invalidField("metadata");
    post(org, CONTACTS, json("{'phone':'4155550100','metadata':{},'customVariables':[1]}"))
        .invalidField("customVariables");
    post(org, CONTACTS, json("{'phone':'4155550100','tags':'vip'}")).invalidField("tags");
    post(org, CONTACTS, json("{'phone':'4155550100','tags':['a',1]}")).invalidField("tags[1]");
    post(org, CONTACTS, json("{'phone':'4155550100','company':'" + "x".repeat(501) + "'}"))
        .invalidField("company");
    post(org, CONTACTS, "[1]").invalidField("body");
    post(org, CONTACTS, "{\"phone\":").invalidField("body");
    assertThat(count(org)).isZero();
  }

  @Test
  void reportsEveryProblemOfOneContact() {
    TestOrg org = newOrganization();
    JsonNode body =
        post(org, CONTACTS, json("{'phone':'x','email':'y','timezone':'z'}")).invalidField("phone");
    assertThat(body.get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("phone", "email", "timezone");
  }

  @Test
  void phoneIsUniqueWithinAnOrganization() {
    TestOrg org = newOrganization();
    JsonNode first = post(org, CONTACTS, json("{'phone':'+14155550100'}")).ok();
    post(org, CONTACTS, json("{'phone':'(415) 555-0100'}")).error(409, "CONFLICT");
    JsonNode second = post(org, CONTACTS, json("{'phone':'+14155550199'}")).ok();
    patch(org, CONTACTS + "/" + second.get("id").asString(), json("{'phone':'415 555 0100'}"))
        .error(409, "CONFLICT");
    patch(org, CONTACTS + "/" + first.get("id").asString(), json("{'phone':'4155550100'}")).ok();
    assertThat(count(org)).isEqualTo(2);

    TestOrg other = newOrganization();
    post(other, CONTACTS, json("{'phone':'+14155550100'}")).ok();
  }

  @Test
  void patchChangesOnlyTheFieldsSent() {
    TestOrg org = newOrganization();
    String id =
        post(
                org,
                CONTACTS,
                json(
                    "{'name':'Alan Turing','phone':'4155550100','email':'a@b.c','tags':['x'],'metadata':{'k':1}}"))
            .ok()
            .get("id")
            .asString();
    JsonNode patched =
        patch(org, CONTACTS + "/" + id + "/", json("{'company':'Bletchley','email':null}")).ok();
    assertThat(patched.get("company").asString()).isEqualTo("Bletchley");
    assertThat(patched.get("email").isNull()).isTrue();
    assertThat(patched.get("first_name").asString()).isEqualTo("Alan");
    assertThat(patched.get("tags").get(0).asString()).isEqualTo("x");
    assertThat(patched.get("metadata").get("k").asInt()).isEqualTo(1);

    JsonNode replaced =
        patch(org, CONTACTS + "/" + id, json("{'customVariables':{'j':2},'lastName':'T.'}")).ok();
    assertThat(replaced.get("metadata").has("k")).isFalse();
    assertThat(replaced.get("metadata").get("j").asInt()).isEqualTo(2);
    assertThat(replaced.get("last_name").asString()).isEqualTo("T.");
    assertThat(get(org, CONTACTS + "/" + id).ok()).isEqualTo(replaced);

    patch(org, CONTACTS + "/" + id, json("{'phone':null}")).invalidField("phone");
    patch(org, CONTACTS + "/" + id, json("{'timezone':'nowhere'}")).invalidField("timezone");
    patch(org, CONTACTS + "/" + id, "\"text\"").invalidField("body");
    assertThat(patch(org, CONTACTS + "/" + id, "{}").ok()).isEqualTo(replaced);
  }

  @Test
  void listsInCreationOrderWithPagingMeta() {
    TestOrg org = newOrganization();
    for (int i = 0; i < 5; i++) {
      post(org, CONTACTS, json("{'first_name':'P" + i + "','phone':'+1415555010" + i + "'}")).ok();
    }
    ApiResult page = get(org, CONTACTS + "/?limit=2&offset=1");
    JsonNode items = page.ok();
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("first_name").asString()).isEqualTo("P1");
    assertThat(items.get(1).get("first_name").asString()).isEqualTo("P2");
    JsonNode meta = page.json().get("meta");
    assertThat(meta.get("total").asLong()).isEqualTo(5);
    assertThat(meta.get("limit").asInt()).isEqualTo(2);
    assertThat(meta.get("offset").asLong()).isEqualTo(1);

    JsonNode defaults = get(org, CONTACTS).json().get("meta");
    assertThat(defaults.get("limit").asInt()).isEqualTo(50);
    assertThat(defaults.get("offset").asLong()).isZero();
    get(org, CONTACTS + "?limit=0").invalidField("limit");
    get(org, CONTACTS + "?limit=501").invalidField("limit");
    get(org, CONTACTS + "?offset=-1").invalidField("offset");
    get(org, CONTACTS + "?limit=ten").invalidField("limit");
  }

  @Test
  void searchMatchesNamePhoneAndEmailIgnoringCase() {
    TestOrg org = newOrganization();
    post(
            org,
            CONTACTS,
            json("{'name':'Ada Lovelace','phone':'+14155550100','email':'ada@engines.org'}"))
        .ok();
    post(
            org,
            CONTACTS,
            json("{'name':'Grace Hopper','phone':'+14155550177','email':'grace@navy.mil'}"))
        .ok();
    post(org, CONTACTS, json("{'name':'Alan_Turing','phone':'+442071838750'}")).ok();

    assertThat(names(org, "LOVELACE")).containsExactly("Ada");
    assertThat(names(org, "ada love")).containsExactly("Ada");
    assertThat(names(org, "NAVY.MIL")).containsExactly("Grace");
    assertThat(names(org, "+1415")).containsExactly("Ada", "Grace");
    assertThat(names(org, "(415) 555-0177")).containsExactly("Grace");
    assertThat(names(org, "n_t")).containsExactly("Alan_Turing");
    assertThat(names(org, "%")).isEmpty();
    ApiResult found = get(org, CONTACTS + "?search=a&limit=1");
    assertThat(found.json().get("meta").get("total").asLong()).isEqualTo(3);
  }

  @Test
  void anotherOrganizationsContactIsNotFound() {
    TestOrg owner = newOrganization();
    TestOrg other = newOrganization();
    String id = post(owner, CONTACTS, json("{'phone':'4155550100'}")).ok().get("id").asString();

    get(other, CONTACTS + "/" + id).error(404, "NOT_FOUND");
    patch(other, CONTACTS + "/" + id, json("{'first_name':'x'}")).error(404, "NOT_FOUND");
    patch(other, CONTACTS + "/" + id, json("{'phone':'bad'}")).error(404, "NOT_FOUND");
    delete(other, CONTACTS + "/" + id).error(404, "NOT_FOUND");
    assertThat(get(other, CONTACTS).ok()).isEmpty();
    get(owner, CONTACTS + "/not-a-uuid").error(404, "NOT_FOUND");
    delete(owner, CONTACTS + "/not-a-uuid/").error(404, "NOT_FOUND");
    assertThat(get(owner, CONTACTS + "/" + id).ok().get("first_name").isNull()).isTrue();
    get(null, CONTACTS).error(401, "UNAUTHORIZED");
  }

  @Test
  void deleteRemovesTheContactAndItsQueueRowsButNotDuringALiveCall() {
    TestOrg org = newOrganization();
    UUID idle = id(post(org, CONTACTS, json("{'phone':'4155550100'}")).ok());
    UUID calling = id(post(org, CONTACTS, json("{'phone':'4155550101'}")).ok());
    CampaignRows campaign = CampaignRows.insert(jdbc, org.id());
    campaign.add(idle, "no_answer");
    campaign.add(calling, "in_progress");

    JsonNode deleted = delete(org, CONTACTS + "/" + idle + "/").ok();
    assertThat(deleted.get("id").asString()).isEqualTo(idle.toString());
    get(org, CONTACTS + "/" + idle).error(404, "NOT_FOUND");
    assertThat(campaign.states(idle)).isEmpty();

    delete(org, CONTACTS + "/" + calling).error(409, "CONFLICT");
    assertThat(campaign.states(calling)).containsExactly("in_progress");
    get(org, CONTACTS + "/" + calling).ok();
  }

  @Test
  void bulkDeleteRemovesOnlyTheOrganizationsIdleContacts() {
    TestOrg org = newOrganization();
    TestOrg other = newOrganization();
    UUID a = id(post(org, CONTACTS, json("{'phone':'4155550100'}")).ok());
    UUID b = id(post(org, CONTACTS, json("{'phone':'4155550101'}")).ok());
    UUID calling = id(post(org, CONTACTS, json("{'phone':'4155550102'}")).ok());
    UUID foreign = id(post(other, CONTACTS, json("{'phone':'4155550100'}")).ok());
    CampaignRows campaign = CampaignRows.insert(jdbc, org.id());
    campaign.add(b, "pending");
    campaign.add(calling, "in_progress");

    JsonNode result =
        post(
                org,
                CONTACTS + "/bulk-delete/",
                json(
                    "{'ids':['"
                        + a
                        + "','"
                        + b
                        + "','"
                        + calling
                        + "','"
                        + foreign
                        + "','"
                        + a
                        + "','"
                        + UUID.randomUUID()
                        + "']}"))
            .ok();
    assertThat(result.get("deleted").asInt()).isEqualTo(2);
    assertThat(result.get("in_call").get(0).asString()).isEqualTo(calling.toString());
    assertThat(count(org)).isEqualTo(1);
    assertThat(campaign.states(b)).isEmpty();
    get(other, CONTACTS + "/" + foreign).ok();

    JsonNode foreignOnly =
        post(other, CONTACTS + "/bulk-delete", json("{'ids':['" + calling + "']}")).ok();
    assertThat(foreignOnly.get("deleted").asInt()).isZero();
    assertThat(count(org)).isEqualTo(1);

    post(org, CONTACTS + "/bulk-delete", json("{'ids':['" + a + "','nope']}"))
        .invalidField("ids[1]");
    post(org, CONTACTS + "/bulk-delete", json("{}")).invalidField("ids");
    post(org, CONTACTS + "/bulk-delete", json("{'ids':'x'}")).invalidField("ids");
    assertThat(post(org, CONTACTS + "/bulk-delete", json("{'ids':[]}")).ok().get("deleted").asInt())
        .isZero();
  }

  private List<String> names(TestOrg org, String search) {
    // MockMvc encodes the URI itself
    return get(org, CONTACTS + "?search=" + search)
        .ok()
        .valueStream()
        .map(contact -> contact.get("first_name").asString())
        .toList();
  }

  private long count(TestOrg org) {
    return jdbc.sql("SELECT COUNT(*) FROM contacts WHERE organization_id = ?")
        .param(org.id())
        .query(Long.class)
        .single();
  }

  private static UUID id(JsonNode contact) {
    return UUID.fromString(contact.get("id").asString());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
