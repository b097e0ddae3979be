package ai.agni.campaigns.contact.importing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

class ContactImportApiTest extends ApiTestSupport {

  static final String IMPORT = "/api/v1/contacts/import";

  @Autowired JdbcClient jdbc;

  @Test
  void importsAMultipartFileMappingColumnsByNameInAnyCasing() {
    TestOrg org = newOrganization();
    String csv =
        "\uFEFFFirst Name,lastName,EMAIL,Phone,company,Time_Zone,tags,notes,Plan,Signup Date\n"
            + "Ada,Lovelace,ada@example.com,(415) 555-0100,Analytical,europe/london,vip; beta ;,"
            + "\"likes, engines\",gold,2024-01-02\n"
            + "Grace,,,+14155550101,,,,,,\n";
    JsonNode report = multipart(org, IMPORT, csv).ok();
    assertReport(report, 2, 0, 0, 0);
    assertThat(report.get("errors")).isEmpty();

    JsonNode ada = contactByPhone(org, "+14155550100");
    assertThat(ada.get("first_name").asString()).isEqualTo("Ada");
    assertThat(ada.get("last_name").asString()).isEqualTo("Lovelace");
    assertThat(ada.get("email").asString()).isEqualTo("ada@example.com");
    assertThat(ada.get("company").asString()).isEqualTo("Analytical");
    assertThat(ada.get("timezone").asString()).isEqualTo("Europe/London");
    assertThat(ada.get("notes").asString()).isEqualTo("likes, engines");
    assertThat(ada.get("tags").valueStream().map(JsonNode::asString))
        .containsExactly("vip", "beta");
    assertThat(ada.get("metadata").get("Plan").asString()).isEqualTo("gold");
    assertThat(ada.get("metadata").get("Signup Date").asString()).isEqualTo("2024-01-02");
    JsonNode grace = contactByPhone(org, "+14155550101");
    assertThat(grace.get("email").isNull()).isTrue();
    assertThat(grace.get("metadata").size()).isZero();
  }

  @Test
  void importsARawCsvBodyWithANameColumn() {
    TestOrg org = newOrganization();
    String csv = "phone_number,name\r\n4155550100,Mary Ann Evans\r\n\r\n4155550101,Cher\r\n";
    JsonNode report = raw(org, IMPORT + "/", csv).ok();
    assertReport(report, 2, 0, 0, 0);
    JsonNode mary = contactByPhone(org, "+14155550100");
    assertThat(mary.get("first_name").asString()).isEqualTo("Mary");
    assertThat(mary.get("last_name").asString()).isEqualTo("Ann Evans");
  }

  @Test
  void reportsInvalidRowsByDataRowNumberAndKeepsTheValidOnes() {
    TestOrg org = newOrganization();
    String csv =
        "phone,email,timezone\n"
            + "4155550100,a@b.c,UTC\n"
            + "not-a-phone,nope,Mars/Base\n"
            + ",x@y.z,\n"
            + ",,\n"
            + "4155550103\n"
            + "4155550104,,Asia/Dubai,extra,cells\n";
    JsonNode report = raw(org, IMPORT, csv).ok();
    assertReport(report, 3, 0, 0, 2);
    assertThat(errors(report)).containsExactly("2:phone", "2:email", "2:timezone", "3:phone");
    assertThat(phones(org)).containsExactly("+14155550100", "+14155550103", "+14155550104");
  }

  @Test
  void listsTheFirstThousandErrorsButCountsEveryRow() {
    TestOrg org = newOrganization();
    StringBuilder csv = new StringBuilder("phone\n");
    for (int i = 0; i < 1_500; i++) {
      csv.append("bad").append(i).append('\n');
    }
    csv.append("4155550100\n");
    JsonNode report = raw(org, IMPORT, csv.toString()).ok();
    assertReport(report, 1, 0, 0, 1_500);
    assertThat(report.get("errors")).hasSize(1_000);
    assertThat(report.get("errors").get(999).get("row").asLong()).isEqualTo(1_000);
  }

  @Test
  void reUploadingACorrectedListUpdatesByDefault() {
    TestOrg org = newOrganization();
    raw(org, IMPORT, "phone,first_name,email,Plan,Region\n4155550100,Ada,old@x.y,gold,west\n").ok();

    JsonNode report =
        raw(org, IMPORT, "phone,first_name,email,Plan\n4155550100,Ada,new@x.y,\n4155550101,B,,\n")
            .ok();
    assertReport(report, 1, 1, 0, 0);
    JsonNode ada = contactByPhone(org, "+14155550100");
    assertThat(ada.get("email").asString()).isEqualTo("new@x.y");
    assertThat(ada.get("metadata").get("Plan").asString()).isEqualTo("gold");
    assertThat(ada.get("metadata").get("Region").asString()).isEqualTo("west");

    JsonNode skipped =
        raw(org, IMPORT + "?onDuplicate=skip", "phone,first_name\n4155550100,Changed\n").ok();
    assertReport(skipped, 0, 0, 1, 0);
    assertThat(contactByPhone(org, "+14155550100").get("first_name").asString()).isEqualTo("Ada");
  }

  @Test
  void aRepeatedPhoneInTheFileIsADuplicateOfTheEarlierRow() {
    TestOrg org = newOrganization();
    String csv = "phone,first_name,company\n4155550100,First,Acme\n(415) 555-0100,Second,\n";
    assertReport(raw(org, IMPORT, csv).ok(), 1, 1, 0, 0);
    JsonNode stored = contactByPhone(org, "+14155550100");
    assertThat(stored.get("first_name").asString()).isEqualTo("Second");
    assertThat(stored.get("company").asString()).isEqualTo("Acme");

    TestOrg other = newOrganization();
    assertReport(raw(other, IMPORT + "?on_duplicate=skip", csv).ok(), 1, 0, 1, 0);
    assertThat(contactByPhone(other, "+14155550100").get("first_name").asString())
        .isEqualTo("First");
  }

  @Test
  void importsInBatchesAcrossWhichDuplicatesAreStillFound() {
    TestOrg org = newOrganization();
    StringBuilder csv = new StringBuilder("phone,n\n");
    for (int i = 0; i < 2_500; i++) {
      csv.append("+1212").append(2_000_000 + i).append(',').append(i).append('\n');
    }
    csv.append("+12122000007,last\n");
    JsonNode report = multipart(org, IMPORT + "?on_duplicate=update", csv.toString()).ok();
    assertReport(report, 2_500, 1, 0, 0);
    assertThat(phones(org)).hasSize(2_500);
    assertThat(contactByPhone(org, "+12122000007").get("metadata").get("n").asString())
        .isEqualTo("last");
  }

  @Test
  void rejectsFilesWithoutAUsableHeader() {
    TestOrg org = newOrganization();
    raw(org, IMPORT, "").invalidField("file");
    raw(org, IMPORT, "4155550100,Ada\n4155550101,Bob\n").invalidField("file");
    raw(org, IMPORT, "first_name,email\nAda,a@b.c\n").invalidField("file");
    raw(org, IMPORT, "phone,First Name,first_name\n4155550100,a,b\n").invalidField("file");
    raw(org, IMPORT, "phone,x,x\n4155550100,a,b\n").invalidField("file");
    multipart(org, IMPORT, "").invalidField("file");
    assertThat(phones(org)).isEmpty();
  }

  @Test
  void rejectsBadParametersAndUploadsNamingThem() {
    TestOrg org = newOrganization();
    raw(org, IMPORT + "?on_duplicate=merge", "phone\n4155550100\n").invalidField("on_duplicate");
    raw(org, IMPORT + "?campaign_id=nope", "phone\n4155550100\n").invalidField("campaign_id");
    post(org, IMPORT, json("{'phone':'4155550100'}")).invalidField("file");
    MockMultipartFile wrongPart =
        new MockMultipartFile("upload", "c.csv", "text/csv", "phone\n1\n".getBytes());
    send(MockMvcRequestBuilders.multipart(IMPORT).file(wrongPart).header("X-Api-Key", org.apiKey()))
        .invalidField("file");
    raw(null, IMPORT, "phone\n4155550100\n").error(401, "UNAUTHORIZED");
    assertThat(phones(org)).isEmpty();
  }

  @Test
  void keepsTheRowsBeforeAnUnreadablePartOfTheFile() {
    TestOrg org = newOrganization();
    String csv = "phone,notes\n4155550100,fine\n4155550101,\"broken\"quote\n4155550102,never\n";
    JsonNode report = raw(org, IMPORT, csv).ok();
    assertReport(report, 1, 0, 0, 0);
    assertThat(errors(report)).containsExactly("2:file");
    assertThat(phones(org)).containsExactly("+14155550100");
  }

  @Test
  void stopsAtARowTooLongToBeReal() {
    TestOrg org = newOrganization();
    String csv = "phone,notes\n4155550100,ok\n4155550101,\"" + "x".repeat(1_200_000) + "\n";
    JsonNode report = raw(org, IMPORT, csv).ok();
    assertReport(report, 1, 0, 0, 0);
    assertThat(errors(report)).containsExactly("2:file");
  }

  @Test
  void anotherOrganizationsContactsAreNeverTouched() {
    TestOrg owner = newOrganization();
    TestOrg other = newOrganization();
    raw(owner, IMPORT, "phone,first_name\n4155550100,Mine\n").ok();
    assertReport(raw(other, IMPORT, "phone,first_name\n4155550100,Theirs\n").ok(), 1, 0, 0, 0);
    assertThat(contactByPhone(owner, "+14155550100").get("first_name").asString())
        .isEqualTo("Mine");
  }

  @Test
  void aNulInOneRowOfTenThousandRejectsThatRowAndKeepsTheOthers() {
    TestOrg org = newOrganization();
    StringBuilder csv = new StringBuilder("phone,first_name\n");
    for (int i = 0; i < 10_000; i++) {
      String name = i == 6_789 ? "Ada\u0000Lovelace" : "Name " + i;
      csv.append("+1212").append(3_000_000 + i).append(',').append(name).append('\n');
    }
    JsonNode report = multipart(org, IMPORT, csv.toString()).ok();
    assertReport(report, 9_999, 0, 0, 1);
    assertThat(errors(report)).containsExactly("6790:first_name");
    assertThat(report.get("errors").get(0).get("message").asString()).contains("NUL");
    assertThat(phones(org)).hasSize(9_999).doesNotContain("+12123006789");
  }

  @Test
  void aCellBreakingTheTextRuleRejectsItsRowNamingTheColumn() {
    TestOrg org = newOrganization();
    byte[] csv =
        bytes(
            "phone,first_name,last_name,company,notes,Plan\n",
            "4155550100,Ada,,,,gold\u0000\n",
            "4155550101\u0000,Bob,,,,\n",
            "4155550102,Cy,,,",
            new byte[] {(byte) 0xC0, (byte) 0x80}, // overlong NUL
            ",\n4155550103,Di,,",
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate, UTF-8 encoded
            ",,\n4155550104,Ed,",
            new byte[] {'x', (byte) 0xFF, 'y'},
            ",,,\n4155550105,\uD83D\uDE00,O\u2019Brien,,,\n");
    JsonNode report = raw(org, IMPORT, csv).ok();
    assertReport(report, 1, 0, 0, 5);
    assertThat(errors(report))
        .containsExactly("1:Plan", "2:phone", "3:notes", "4:company", "5:last_name");
    assertThat(report.get("errors").get(2).get("message").asString()).contains("not valid UTF-8");
    assertThat(phones(org)).containsExactly("+14155550105");
    JsonNode kept = contactByPhone(org, "+14155550105");
    assertThat(kept.get("first_name").asString()).isEqualTo("\uD83D\uDE00");
    assertThat(kept.get("last_name").asString()).isEqualTo("O\u2019Brien");
  }

  @Test
  void aColumnNameBreakingTheTextRuleRejectsTheImportNamingTheColumn() {
    TestOrg org = newOrganization();
    JsonNode nul = raw(org, IMPORT, "phone,Pl\u0000an\n4155550100,gold\n").invalidField("file");
    assertThat(nul.get("message").asString()).contains("column 2").contains("NUL");
    byte[] overlong = bytes("phone,", new byte[] {(byte) 0xC0, (byte) 0x80}, "\n4155550100,x\n");
    JsonNode bad = raw(org, IMPORT, overlong).invalidField("file");
    assertThat(bad.get("message").asString()).contains("column 2").contains("not valid UTF-8");
    assertThat(phones(org)).isEmpty();
  }

  @Test
  void parametersAndMultipartFieldsBreakingTheTextRuleAreBadRequests() {
    TestOrg org = newOrganization();
    raw(org, IMPORT + "?on_duplicate=%00", "phone\n4155550100\n").invalidField("on_duplicate");
    MockMultipartFile file =
        new MockMultipartFile(
            "file", "c.csv", "text/csv", "phone\n4155550100\n".getBytes(StandardCharsets.UTF_8));
    send(MockMvcRequestBuilders.multipart(IMPORT)
            .file(file)
            .param("campaign_id", "\uD800")
            .header("X-Api-Key", org.apiKey()))
        .invalidField("campaign_id");
    assertThat(phones(org)).isEmpty();
  }

  /** Text encoded as UTF-8, and raw byte sequences, in order. */
  private static byte[] bytes(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(
          part instanceof byte[] raw ? raw : ((String) part).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private ApiResult raw(TestOrg org, String path, String csv) {
    return raw(org, path, csv.getBytes(StandardCharsets.UTF_8));
  }

  private ApiResult raw(TestOrg org, String path, byte[] csv) {
    var builder = MockMvcRequestBuilders.post(path).contentType("text/csv").content(csv);
    if (org != null) {
      builder.header("X-Api-Key", org.apiKey());
    }
    return perform(builder);
  }

  private ApiResult multipart(TestOrg org, String path, String csv) {
    MockMultipartFile file =
        new MockMultipartFile(
            "file", "contacts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    return send(
        MockMvcRequestBuilders.multipart(path).file(file).header("X-Api-Key", org.apiKey()));
  }

  /** Like {@code perform}, for multipart builders (a separate type since Spring 7). */
  private ApiResult send(RequestBuilder builder) {
    try {
      MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
      String body = response.getContentAsString(StandardCharsets.UTF_8);
      return new ApiResult(response.getStatus(), objectMapper.readTree(body), body);
    } catch (Exception e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }

  private JsonNode contactByPhone(TestOrg org, String phone) {
    for (JsonNode contact : get(org, "/api/v1/contacts?limit=500&search=" + phone).ok()) {
      if (contact.get("phone").asString().equals(phone)) {
        return contact;
      }
    }
    throw new AssertionError("no contact with phone " + phone);
  }

  private List<String> phones(TestOrg org) {
    return jdbc.sql("SELECT phone FROM contacts WHERE organization_id = ? ORDER BY phone")
        .param(org.id())
        .query(String.class)
        .list();
  }

  private static void assertReport(
      JsonNode report, long imported, long updated, long skipped, long rejected) {
    assertThat(
            Map.of(
                "imported", report.get("imported").asLong(),
                "updated", report.get("updated").asLong(),
                "skipped", report.get("skipped").asLong(),
                "rejected", report.get("rejected").asLong()))
        .as(report.toString())
        .isEqualTo(
            Map.of(
                "imported",
                imported,
                "updated",
                updated,
                "skipped",
                skipped,
                "rejected",
                rejected));
  }

  private static List<String> errors(JsonNode report) {
    return report
        .get("errors")
        .valueStream()
        .map(e -> e.get("row").asLong() + ":" + e.get("field").asString())
        .toList();
  }
}
