package ai.agni.campaigns.api;

import ai.agni.campaigns.testsupport.ApiResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The contract every answer keeps: no 5xx, the envelope, and a 400 naming the field. */
final class AnswerContract {

  private AnswerContract() {}

  /** What is wrong with this answer, or null when it keeps the contract. */
  static String problem(ApiResult result, List<String> fields) {
    JsonNode json = result.json();
    if (result.status() >= 500) {
      return "server error";
    }
    if (json == null || !json.isObject() || !json.path("success").isBoolean()) {
      return "not the envelope";
    }
    if (result.status() == 200) {
      return json.get("success").asBoolean() ? null : "200 without success";
    }
    if (json.get("success").asBoolean()
        || json.path("code").asString("").isBlank()
        || json.path("message").asString("").isBlank()) {
      return "error envelope lacks success:false, code or message";
    }
    if (result.status() == 400 && !namesAField(json, fields)) {
      return "400 does not name " + (fields.isEmpty() ? "a field" : fields);
    }
    return null;
  }

  /** Whether the errors name one of the fields (or any field at all when none is expected). */
  private static boolean namesAField(JsonNode json, List<String> fields) {
    List<String> named = new ArrayList<>(json.path("errors").findValuesAsString("field"));
    if (fields.isEmpty()) {
      return named.stream().anyMatch(name -> !name.isBlank());
    }
    named.add(json.path("message").asString(""));
    for (String name : named) {
      String lower = name.toLowerCase(Locale.ROOT);
      for (String field : fields) {
        if (lower.contains(field.toLowerCase(Locale.ROOT))
            || lower.contains(JsonNames.snakeCase(field))
            || lower.startsWith("body")) {
          return true;
        }
      }
    }
    return false;
  }
}
