package ai.agni.campaigns.contact;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ContactBulkApiTest extends ApiTestSupport {

  static final String BULK = "/api/v1/contacts/bulk";

  @Autowired JdbcClient jdbc;

  @Test
  void keepsValidContactsAndReportsInvalidOnesByIndex() {
    TestOrg org = newOrganization();
    JsonNode result =
        post(
                org,
                BULK + "/",
                json(
                    "{'contacts':["
                        + "{'name':'Ada Lovelace','phone':'4155550100','customVariables':{'a':1}},"
                        + "{'phone':'bad','email':'nope'},"
                        + "{'firstName':'Grace','phone':'+14155550101','tags':['x']},"
                        + "42,"
                        + "{'first_name':'No phone'}]}"))
            .ok();
    assertThat(result.get("created").asInt()).isEqualTo(2);
    assertThat(result.get("updated").asInt()).isZero();
    assertThat(result.get("skipped").asInt()).isZero();
    assertThat(result.get("rejected").asInt()).isEqualTo(3);
    assertThat(errors(result)).containsExactly("1:phone", "1:email", "3:contact", "4:phone");
    JsonNode contacts = result.get("contacts");
    assertThat(contacts).hasSize(2);
    assertThat(contacts.get(0).get("last_name").asString()).isEqualTo("Lovelace");
    assertThat(contacts.get(0).get("metadata").get("a").asInt()).isEqualTo(1);
    assertThat(contacts.get(1).get("first_name").asString()).isEqualTo("Grace");
    assertThat(phones(org)).containsExactly("+14155550100", "+14155550101");
  }

  @Test
  void existingPhonesAreSkippedByDefaultAndUpdatedOnRequest() {
    TestOrg org = newOrganization();
    post(org, "/api/v1/contacts", json("{'name':'Old Name','phone':'4155550100','email':'o@x.y'}"))
        .ok();

    JsonNode skipped =
        post(org, BULK, json("{'contacts':[{'first_name':'New','phone':'+1 415 555 0100'}]}")).ok();
    assertThat(skipped.get("skipped").asInt()).isEqualTo(1);
    assertThat(skipped.get("contacts")).isEmpty();

    JsonNode updated =
        post(
                org,
                BULK,
                json(
                    "{'onDuplicate':'UPDATE','contacts':[{'first_name':'New','phone':'4155550100'},{'phone':'4155550102'}]}"))
            .ok();
    assertThat(updated.get("updated").asInt()).isEqualTo(1);
    assertThat(updated.get("created").asInt()).isEqualTo(1);
    JsonNode contact = updated.get("contacts").get(1);
    assertThat(contact.get("first_name").asString()).isEqualTo("New");
    assertThat(contact.get("last_name").asString()).isEqualTo("Name");
    assertThat(contact.get("email").asString()).isEqualTo("o@x.y");

    JsonNode snake =
        post(org, BULK, json("{'on_duplicate':'skip','contacts':[{'phone':'4155550102'}]}")).ok();
    assertThat(snake.get("skipped").asInt()).isEqualTo(1);
    assertThat(phones(org)).hasSize(2);
  }

  @Test
  void aRepeatedPhoneInOneRequestIsADuplicateOfTheEarlierRow() {
    TestOrg org = newOrganization();
    String twice =
        "'contacts':[{'first_name':'First','phone':'4155550100','email':'a@b.c'},"
            + "{'first_name':'Second','phone':'(415) 555-0100'}]";
    JsonNode skip = post(org, BULK, json("{" + twice + "}")).ok();
    assertThat(skip.get("created").asInt()).isEqualTo(1);
    assertThat(skip.get("skipped").asInt()).isEqualTo(1);
    assertThat(skip.get("contacts").get(0).get("first_name").asString()).isEqualTo("First");

    TestOrg other = newOrganization();
    JsonNode update = post(other, BULK, json("{'on_duplicate':'update'," + twice + "}")).ok();
    assertThat(update.get("created").asInt()).isEqualTo(1);
    assertThat(update.get("updated").asInt()).isEqualTo(1);
    JsonNode stored = get(other, "/api/v1/contacts").ok().get(0);
    assertThat(stored.get("first_name").asString()).isEqualTo("Second");
    assertThat(stored.get("email").asString()).isEqualTo("a@b.c");
  }

  @Test
  void writesLargeRequestsInSeveralBatches() {
    TestOrg org = newOrganization();
    StringBuilder body = new StringBuilder("{\"contacts\":[");
    for (int i = 0; i < 2_500; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"phone\":\"+1212")
          .append(2_000_000 + i)
          .append("\"}");
    }
    body.append(",{\"phone\":\"+12122000000\"}]}");
    JsonNode result = post(org, BULK, body.toString()).ok();
    assertThat(result.get("created").asInt()).isEqualTo(2_500);
    assertThat(result.get("skipped").asInt()).isEqualTo(1);
    assertThat(result.get("contacts")).hasSize(2_500);
    assertThat(phones(org)).hasSize(2_500);
  }

  @Test
  void acceptsTenThousandRealisticContactsAlthoughTheBodyIsOverOneMebibyte() {
    TestOrg org = newOrganization();
    StringBuilder body = new StringBuilder("{\"contacts\":[");
    for (int i = 0; i < 10_000; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"first_name\":\"Firstname\",\"last_name\":\"Lastname")
          .append(i)
          .append("\",\"email\":\"person")
          .append(i)
          .append("@example.com\",\"phone\":\"+1212")
          .append(3_000_000 + i)
          .append("\",\"company\":\"Example Inc\"}");
    }
    String json = body.append("]}").toString();
    assertThat(json.length()).isGreaterThan(1024 * 1024);
    JsonNode result = post(org, BULK, json).ok();
    assertThat(result.get("created").asInt()).isEqualTo(10_000);
    assertThat(phones(org)).hasSize(10_000);
  }

  @Test
  void anItemBreakingTheTextRuleIsReportedAndEveryOtherItemIsKept() {
    TestOrg org = newOrganization();
    StringBuilder body = new StringBuilder("{\"contacts\":[");
    for (int i = 0; i < 2_500; i++) {
      String name = i == 1_234 ? "Ada\\u0000" : "Name " + i;
      body.append(i == 0 ? "" : ",")
          .append("{\"first_name\":\"")
          .append(name)
          .append("\",\"phone\":\"+1212")
          .append(2_000_000 + i)
          .append("\"}");
    }
    body.append(",{\"phone\":\"+14155550100\",\"metadata\":{\"k\\u0000\":\"v\"}}")
        .append(",{\"phone\":\"+14155550101\",\"tags\":[\"ok\",\"x\\udc00\"]}")
        .append(",{\"phone\":\"+14155550102\",\"first_name\":\"\\ud83d\\ude00\"}]}");
    JsonNode result = post(org, BULK, body.toString()).ok();
    assertThat(result.get("created").asInt()).isEqualTo(2_500);
    assertThat(result.get("rejected").asInt()).isEqualTo(3);
    assertThat(errors(result))
        .containsExactly("1234:first_name", "2500:metadata.k\\u0000", "2501:tags[1]");
    assertThat(result.get("errors").get(0).get("message").asString()).contains("NUL");
    assertThat(phones(org)).hasSize(2_500).doesNotContain("+12122001234", "+14155550100");
    assertThat(result.get("contacts").get(2_499).get("first_name").asString())
        .isEqualTo("\uD83D\uDE00");
  }

  @Test
  void textBreakingTheRuleOutsideTheContactsRejectsTheWholeRequest() {
    TestOrg org = newOrganization();
    post(org, BULK, "{\"on_duplicate\":\"skip\\u0000\",\"contacts\":[{\"phone\":\"4155550100\"}]}")
        .invalidField("on_duplicate");
    post(org, BULK, "{\"contacts\":[{\"phone\":\"4155550100\"}],\"x\\u0000\":1}")
        .invalidField("x\\u0000");
    // why: the JSON parser refuses a lone surrogate escape in a property name, so the request is
    // unreadable as a whole (a lone surrogate in a value is one bad item, as above).
    post(org, BULK, "{\"contacts\":[{\"phone\":\"4155550100\"},{\"k\\ud800\":1}]}")
        .invalidField("body");
    assertThat(phones(org)).isEmpty();
  }

  @Test
  void rejectsMalformedRequestsNamingTheField() {
    TestOrg org = newOrganization();
    post(org, BULK, json("{}")).invalidField("contacts");
    post(org, BULK, json("{'contacts':{}}")).invalidField("contacts");
    post(org, BULK, json("{'contacts':[],'on_duplicate':'merge'}")).invalidField("on_duplicate");
    post(org, BULK, json("{'contacts':[],'onDuplicate':'skip','on_duplicate':'skip'}"))
        .invalidField("onDuplicate");
    post(org, BULK, "[]").invalidField("body");
    StringBuilder tooMany = new StringBuilder("{\"contacts\":[");
    for (int i = 0; i <= 10_000; i++) {
      tooMany.append(i == 0 ? "{}" : ",{}");
    }
    post(org, BULK, tooMany.append("]}").toString()).invalidField("contacts");
    assertThat(post(org, BULK, json("{'contacts':[]}")).ok().get("created").asInt()).isZero();
  }

  @Test
  void anotherOrganizationsContactsAreNeverTouched() {
    TestOrg owner = newOrganization();
    TestOrg other = newOrganization();
    post(owner, "/api/v1/contacts", json("{'first_name':'Mine','phone':'4155550100'}")).ok();
    JsonNode result =
        post(
                other,
                BULK,
                json(
                    "{'on_duplicate':'update','contacts':[{'first_name':'Theirs','phone':'4155550100'}]}"))
            .ok();
    assertThat(result.get("created").asInt()).isEqualTo(1);
    assertThat(get(owner, "/api/v1/contacts").ok().get(0).get("first_name").asString())
        .isEqualTo("Mine");
  }

  private List<String> phones(TestOrg org) {
    return jdbc.sql("SELECT phone FROM contacts WHERE organization_id = ? ORDER BY phone")
        .param(org.id())
        .query(String.class)
        .list();
  }

  private static List<String> errors(JsonNode result) {
    return result
        .get("errors")
        .valueStream()
        .map(e -> e.get("index").asInt() + ":" + e.get("field").asString())
        .toList();
  }
}
