package ai.agni.campaigns.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON request object field by field, accepting every field in camelCase and snake_case
 * ({@code agentId} and {@code agent_id}). Fields are always named in camelCase by the caller. Wrong
 * types, and both casings of one field sent together, are 400s naming the field as the client sent
 * it, prefixed with the path of the enclosing object ({@code schedule.windowStart}).
 */
public final class JsonBody {

  private final ObjectNode node;
  private final String path;

  private JsonBody(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /**
   * The request body; anything but a JSON object is a 400, and so is text breaking {@link TextRule}
   * anywhere in it (every violation listed).
   */
  public static JsonBody of(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw new InvalidRequestException("body", "a JSON object is required");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new InvalidRequestException("body", "must be a JSON object");
    }
    List<ApiError.FieldError> badText = TextRule.violations(object, "");
    if (!badText.isEmpty()) {
      ApiError.FieldError first = badText.get(0);
      throw new InvalidRequestException(first.field() + ": " + first.message(), badText);
    }
    return new JsonBody(object, "");
  }

  /** An empty body, for endpoints whose body is optional. */
  public static JsonBody empty() {
    return new JsonBody(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "");
  }

  public static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  public static String camelCase(String snake) {
    StringBuilder out = new StringBuilder(snake.length());
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** The name under which the client sent this field, or null when it did not send it. */
  private String sentName(String camel) {
    String snake = snakeCase(camel);
    boolean hasCamel = node.has(camel);
    boolean hasSnake = !snake.equals(camel) && node.has(snake);
    if (hasCamel && hasSnake) {
      throw new InvalidRequestException(
          path + camel, "sent twice, as " + camel + " and as " + snake + "; send one");
    }
    return hasCamel ? camel : hasSnake ? snake : null;
  }

  /** The field's path for an error message, as the client spelled it. */
  public String field(String camel) {
    String sent = sentName(camel);
    return path + (sent == null ? camel : sent);
  }

  /** Whether the field was sent at all, null included. */
  public boolean has(String camel) {
    return sentName(camel) != null;
  }

  /** Whether the field was sent with an explicit JSON null. */
  public boolean isNull(String camel) {
    String sent = sentName(camel);
    return sent != null && node.get(sent).isNull();
  }

  /** The raw node, or null when absent or JSON null. */
  public JsonNode raw(String camel) {
    String sent = sentName(camel);
    if (sent == null || node.get(sent).isNull()) {
      return null;
    }
    return node.get(sent);
  }

  public String string(String camel) {
    JsonNode value = raw(camel);
    if (value == null) {
      return null;
    }
    if (!value.isString()) {
      throw invalid(camel, "must be a string");
    }
    return value.stringValue();
  }

  public String requiredString(String camel) {
    String value = string(camel);
    if (value == null || value.isBlank()) {
      throw invalid(camel, "is required");
    }
    return value.trim();
  }

  public Integer integer(String camel) {
    JsonNode value = raw(camel);
    if (value == null) {
      return null;
    }
    if (!isWhole(value)) {
      throw invalid(camel, "must be an integer");
    }
    if (!value.canConvertToInt()) {
      throw invalid(camel, "is out of range");
    }
    return value.intValue();
  }

  /** An integer within bounds, or null when absent. */
  public Integer integer(String camel, int min, int max) {
    Integer value = integer(camel);
    if (value != null && (value < min || value > max)) {
      throw invalid(camel, "must be between " + min + " and " + max);
    }
    return value;
  }

  public Double number(String camel) {
    JsonNode value = raw(camel);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      throw invalid(camel, "must be a number");
    }
    double result = value.doubleValue();
    if (Double.isNaN(result) || Double.isInfinite(result)) {
      throw invalid(camel, "must be a finite number");
    }
    return result;
  }

  public Boolean bool(String camel) {
    JsonNode value = raw(camel);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw invalid(camel, "must be true or false");
    }
    return value.booleanValue();
  }

  public List<String> stringList(String camel) {
    JsonNode value = raw(camel);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw invalid(camel, "must be an array of strings");
    }
    List<String> result = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isString()) {
        throw new InvalidRequestException(field(camel) + "[" + i + "]", "must be a string");
      }
      result.add(item.stringValue());
    }
    return result;
  }

  public List<Integer> intList(String camel) {
    JsonNode value = raw(camel);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw invalid(camel, "must be an array of integers");
    }
    List<Integer> result = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!isWhole(item) || !item.canConvertToInt()) {
        throw new InvalidRequestException(field(camel) + "[" + i + "]", "must be an integer");
      }
      result.add(item.intValue());
    }
    return result;
  }

  /** A nested object, or null when absent or JSON null. */
  public JsonBody object(String camel) {
    JsonNode value = raw(camel);
    if (value == null) {
      return null;
    }
    if (!(value instanceof ObjectNode object)) {
      throw invalid(camel, "must be a JSON object");
    }
    return new JsonBody(object, field(camel) + ".");
  }

  /** A JSON object node to store as given (metadata, extra fields), or null. */
  public ObjectNode rawObject(String camel) {
    JsonNode value = raw(camel);
    if (value == null) {
      return null;
    }
    if (!(value instanceof ObjectNode object)) {
      throw invalid(camel, "must be a JSON object");
    }
    return object;
  }

  /**
   * A case-insensitive choice from a closed set; returns the allowed value as written in {@code
   * allowed}. Unknown values are 400s listing the allowed ones.
   */
  public String oneOf(String camel, List<String> allowed) {
    String value = string(camel);
    if (value == null) {
      return null;
    }
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(value.trim())) {
        return candidate;
      }
    }
    throw invalid(camel, "must be one of " + String.join(", ", allowed));
  }

  /** Rejects fields outside {@code allowedCamel} (in either casing); used where typos are risky. */
  public void rejectUnknownFields(Set<String> allowedCamel) {
    Set<String> allowed = new HashSet<>();
    for (String name : allowedCamel) {
      allowed.add(name);
      allowed.add(snakeCase(name));
    }
    List<ApiError.FieldError> errors = new ArrayList<>();
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        errors.add(new ApiError.FieldError(path + name, "is not a known field"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(
          "Unknown field "
              + errors.get(0).field()
              + " (allowed: "
              + String.join(", ", allowedCamel)
              + ")",
          errors);
    }
  }

  /** The sent field names, converted to camelCase. */
  public Set<String> fieldNames() {
    Set<String> names = new LinkedHashSet<>();
    for (String name : node.propertyNames()) {
      names.add(camelCase(name));
    }
    return names;
  }

  /** The fields not in {@code knownCamel}, as sent: stored and returned as given. */
  public ObjectNode otherFields(Set<String> knownCamel) {
    ObjectNode others = node.objectNode();
    for (String name : node.propertyNames()) {
      if (!knownCamel.contains(camelCase(name))) {
        others.set(name, node.get(name));
      }
    }
    return others;
  }

  public InvalidRequestException invalid(String camel, String message) {
    return new InvalidRequestException(field(camel), message);
  }

  /** A whole number; 1e309 parses as an infinite double, which has no decimal value. */
  private static boolean isWhole(JsonNode value) {
    if (!value.isNumber()
        || (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()))) {
      return false;
    }
    return value.decimalValue().stripTrailingZeros().scale() <= 0;
  }
}
