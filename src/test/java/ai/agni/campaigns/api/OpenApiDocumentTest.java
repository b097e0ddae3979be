package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport;
import ai.agni.campaigns.testsupport.ReferencePage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at {@code /v3/api-docs} describes the API from its typed models: real fields
 * of every body, the error envelope, tags and summaries. A copy is saved under {@code target/} for
 * reading.
 */
class OpenApiDocumentTest extends ApiTestSupport {

  private JsonNode doc;

  @BeforeEach
  void fetch() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    String text = response.getContentAsString(StandardCharsets.UTF_8);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/api-docs.json"), text);
    doc = objectMapper.readTree(text);
  }

  @Test
  void theCampaignUpdateBodyListsEveryFieldOfTheReferencePage() {
    JsonNode body = resolve(doc.at("/paths/~1api~1v1~1campaigns~1{id}/patch/requestBody/content"));
    assertThat(body.get("properties").propertyNames())
        .containsAll(ReferencePage.UPDATE_FIELDS)
        .contains("outboundMaxConcurrent", "outboundMaxCps")
        .doesNotContain("sent");
    JsonNode schedule = resolve(body.at("/properties/schedule"));
    assertThat(schedule.get("properties").propertyNames())
        .containsAll(ReferencePage.SCHEDULE_FIELDS);
    assertThat(schedule.at("/properties/maxConcurrent/maximum").asInt()).isEqualTo(1000);
    assertThat(schedule.at("/properties/windowStart/pattern").asString()).isNotBlank();
    assertThat(body.at("/properties/status/enum").toString()).contains("active", "paused");
  }

  @Test
  void noSchemaIsARawJsonTree() {
    List<String> names = new ArrayList<>(doc.at("/components/schemas").propertyNames());
    assertThat(names).noneMatch(name -> name.contains("JsonNode") || name.contains("ObjectNode"));
    assertThat(doc.toString()).doesNotContain("JsonNode", "ObjectNode", "SentFields");
  }

  @Test
  void everyRequestBodyHasItsFields() {
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        JsonNode content = operation.getValue().at("/requestBody/content");
        if (content.isMissingNode() || !content.has("application/json")) {
          continue;
        }
        JsonNode schema = resolve(content);
        assertThat(schema.get("properties"))
            .as("%s %s", operation.getKey(), path.getKey())
            .isNotNull();
        assertThat(schema.get("properties").size()).isPositive();
      }
    }
  }

  @Test
  void everyOperationHasATagASummaryAndTheErrorEnvelope() {
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String what = operation.getKey() + " " + path.getKey();
        JsonNode op = operation.getValue();
        assertThat(op.get("tags")).as(what).isNotNull();
        assertThat(op.path("summary").asString()).as(what).isNotBlank();
        JsonNode responses = op.get("responses");
        String errorStatus = path.getKey().equals("/api/v1/health") ? "503" : "400";
        assertThat(responses.propertyNames()).as(what).contains("200", errorStatus);
        JsonNode error = resolve(responses.at("/" + errorStatus + "/content"));
        assertThat(error.get("properties").propertyNames())
            .as(what)
            .contains("success", "message", "code", "errors");
      }
    }
  }

  @Test
  void answersAreTypedAndHealthNeedsNoKey() {
    JsonNode agent = resolve(doc.at("/paths/~1api~1v1~1agents~1{id}/get/responses/200/content"));
    JsonNode data = resolve(agent.at("/properties/data"));
    assertThat(data.get("properties").propertyNames())
        .contains("id", "name", "ringDurationMs", "webhookUrls", "sipUri");
    JsonNode created = resolve(doc.at("/paths/~1api~1v1~1campaigns/post/responses/200/content"));
    assertThat(resolve(created.at("/properties/data")).get("properties").propertyNames())
        .contains("id", "schedule", "contactStats", "executionStatus");
    // why: two answer types of one simple name would share (and overwrite) one schema.
    assertThat(doc.at("/components/schemas").propertyNames())
        .contains(
            "DncAdded",
            "CampaignContactsAdded",
            "CallCreated",
            "OrganizationCreated",
            "ImportRowError",
            "BulkItemError");
    JsonNode health = doc.at("/paths/~1api~1v1~1health/get");
    assertThat(health.get("security")).isNotNull();
    assertThat(health.get("security").isEmpty()).isTrue();
  }

  @Test
  void theOperatorsViewFieldsAreDescribed() {
    JsonNode created = resolve(doc.at("/paths/~1api~1v1~1campaigns/post/responses/200/content"));
    assertThat(resolve(created.at("/properties/data")).get("properties").propertyNames())
        .contains("windowOpen", "nextWindowAt");
    JsonNode contacts =
        resolve(doc.at("/paths/~1api~1v1~1campaigns~1{id}~1contacts/get/responses/200/content"));
    JsonNode item = resolve(resolve(contacts.at("/properties/data")).get("items"));
    assertThat(item.get("properties").propertyNames()).contains("lastReason", "waitingFor");
    assertThat(item.at("/properties/waitingFor/enum").toString())
        .contains("window", "retry_gap", "frequency_cap", "calling_hours", "capacity");
  }

  /** The schema of a content map or property, following {@code $ref}s. */
  private JsonNode resolve(JsonNode node) {
    JsonNode schema = node;
    if (schema.has("application/json")) {
      schema = schema.get("application/json").get("schema");
    } else if (schema.has("*/*")) {
      schema = schema.get("*/*").get("schema");
    }
    if (schema.has("allOf") && schema.get("allOf").size() == 1) {
      schema = schema.get("allOf").get(0);
    }
    while (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      schema = doc.at(ref.substring(1));
    }
    return schema;
  }
}
