package ai.agni.campaigns.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** One HTTP answer: status and parsed JSON body, with the assertions most tests make. */
public record ApiResult(int status, JsonNode json, String rawBody) {

  public JsonNode data() {
    return json.get("data");
  }

  /** Asserts a 200 success envelope and returns {@code data}. */
  public JsonNode ok() {
    assertThat(status).as("status of %s", rawBody).isEqualTo(200);
    assertThat(json.get("success").asBoolean()).isTrue();
    return json.get("data");
  }

  /** Asserts an error envelope with this status and code, and returns the whole body. */
  public JsonNode error(int expectedStatus, String code) {
    assertThat(status).as("status of %s", rawBody).isEqualTo(expectedStatus);
    assertThat(json.get("success").asBoolean()).as(rawBody).isFalse();
    assertThat(json.get("code").asString()).as(rawBody).isEqualTo(code);
    assertThat(json.get("message").asString()).isNotBlank();
    return json;
  }

  /** Asserts a 400 whose errors name this field, and returns the body. */
  public JsonNode invalidField(String field) {
    JsonNode body = error(400, "INVALID_REQUEST");
    assertThat(body.get("errors").findValuesAsString("field")).as(rawBody).contains(field);
    return body;
  }
}
