package ai.agni.campaigns.contact.importing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/** The row limit (1,000,000 in production), lowered to 3 so the test stays small. */
@TestPropertySource(properties = "agni.contacts.import-max-rows=3")
class ContactImportRowLimitApiTest extends ApiTestSupport {

  @Test
  void stopsAfterTheRowLimitKeepingWhatWasImported() {
    TestOrg org = newOrganization();
    String csv = "phone\n4155550100\n4155550101\n\n4155550102\n4155550103\n";
    JsonNode report =
        perform(
                MockMvcRequestBuilders.post("/api/v1/contacts/import")
                    .header("X-Api-Key", org.apiKey())
                    .contentType(new MediaType("text", "csv"))
                    .content(csv))
            .ok();
    assertThat(report.get("imported").asLong()).isEqualTo(2);
    assertThat(report.get("rejected").asLong()).isZero();
    JsonNode error = report.get("errors").get(0);
    assertThat(error.get("row").asLong()).isEqualTo(4);
    assertThat(error.get("field").asString()).isEqualTo("file");
    assertThat(error.get("message").asString()).contains("more than 3 data rows");
    assertThat(get(org, "/api/v1/contacts").json().get("meta").get("total").asLong()).isEqualTo(2);
  }
}
