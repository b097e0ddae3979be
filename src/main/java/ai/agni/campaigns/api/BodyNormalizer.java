package ai.agni.campaigns.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one piece between a JSON body and its request record: it maps each field sent in snake_case
 * to the record's camelCase name ({@code agent_id} to {@code agentId}; both forms at once are a
 * 400), remembers how each was spelled, and checks every value's JSON type and the text rule
 * against the record's component types, so that Jackson only ever binds values that fit and every
 * problem is named by its path as sent. Every problem is collected, not only the first.
 */
final class BodyNormalizer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, String> spelled = new LinkedHashMap<>();
  private final List<ApiError.FieldError> problems = new ArrayList<>();
  private ObjectNode others;

  /** The normalized body, how each field was spelled, and the problems found. */
  record Result(
      ObjectNode camel,
      Map<String, String> spelled,
      ObjectNode others,
      List<ApiError.FieldError> problems) {}

  private BodyNormalizer() {}

  static Result normalize(ObjectNode body, Class<?> type) {
    BodyNormalizer normalizer = new BodyNormalizer();
    normalizer.others = NODES.objectNode();
    ObjectNode camel = normalizer.object(body, type, "", "", true);
    return new Result(camel, normalizer.spelled, normalizer.others, normalizer.problems);
  }

  private ObjectNode object(
      ObjectNode in, Class<?> type, String camelPath, String sentPath, boolean top) {
    RecordShape shape = RecordShape.of(type);
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> property : in.properties()) {
      String name = property.getKey();
      String sentChild = sentPath + TextRule.safeName(name);
      if (!TextRule.isValid(name)) {
        problem(sentChild, "field name " + TextRule.violation(name));
        continue;
      }
      RecordShape.Field field = shape.byName().get(name);
      if (field == null) {
        unknown(shape, top, name, property.getValue(), sentChild);
        continue;
      }
      String camelName = field.name();
      String camelChild = camelPath + camelName;
      if (out.has(camelName) || spelled.containsKey(camelChild)) {
        String snake = JsonNames.snakeCase(camelName);
        problem(
            sentPath + camelName,
            "sent twice, as " + camelName + " and as " + snake + "; send one");
        continue;
      }
      spelled.put(camelChild, sentChild);
      JsonNode value = value(property.getValue(), field, camelChild, sentChild);
      if (value != null) {
        out.set(camelName, value);
      }
    }
    return out;
  }

  private void unknown(
      RecordShape shape, boolean top, String name, JsonNode value, String sentPath) {
    if (shape.rejectsUnknown()) {
      problem(sentPath, "is not a known field");
    } else if (top) {
      problems.addAll(TextRule.violations(value, sentPath));
      others.set(name, value);
    }
  }

  /** The value to bind, or null (left out) when it does not fit; problems are recorded. */
  private JsonNode value(JsonNode value, RecordShape.Field field, String camel, String sent) {
    if (value.isNull()) {
      return value;
    }
    if (field.boundPerItem()) {
      return value.isArray() ? value : fail(sent, "must be an array");
    }
    return value(value, field.type(), camel, sent);
  }

  private JsonNode value(JsonNode value, Type type, String camel, String sent) {
    if (type == String.class) {
      if (!value.isString()) {
        return fail(sent, "must be a string");
      }
      String violation = TextRule.violation(value.stringValue());
      return violation == null ? value : fail(sent, violation);
    }
    if (type == Integer.class || type == Long.class) {
      return whole(value, type == Integer.class, sent);
    }
    if (type == Double.class) {
      if (!value.isNumber()) {
        return fail(sent, "must be a number");
      }
      return Double.isFinite(value.doubleValue()) ? value : fail(sent, "must be a finite number");
    }
    if (type == Boolean.class) {
      return value.isBoolean() ? value : fail(sent, "must be true or false");
    }
    if (type == ObjectNode.class) {
      if (!value.isObject()) {
        return fail(sent, "must be a JSON object");
      }
      List<ApiError.FieldError> text = TextRule.violations(value, sent);
      problems.addAll(text);
      return text.isEmpty() ? value : null;
    }
    if (type == JsonNode.class) {
      List<ApiError.FieldError> text = TextRule.violations(value, sent);
      problems.addAll(text);
      return text.isEmpty() ? value : null;
    }
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      return list(value, list.getActualTypeArguments()[0], camel, sent);
    }
    if (type instanceof Class<?> nested && nested.isRecord()) {
      if (!value.isObject()) {
        return fail(sent, "must be a JSON object");
      }
      return object((ObjectNode) value, nested, camel + ".", sent + ".", false);
    }
    throw new IllegalStateException("Request models cannot declare " + type + ". Indicates a bug.");
  }

  private JsonNode list(JsonNode value, Type item, String camel, String sent) {
    if (!value.isArray()) {
      return fail(sent, "must be an array" + itemsNamed(item));
    }
    ArrayNode out = NODES.arrayNode();
    boolean fits = true;
    for (int i = 0; i < value.size(); i++) {
      JsonNode one = value(value.get(i), item, camel + "[" + i + "]", sent + "[" + i + "]");
      fits &= one != null;
      out.add(one == null ? NODES.nullNode() : one);
    }
    return fits ? out : null;
  }

  private static String itemsNamed(Type item) {
    if (item == String.class) {
      return " of strings";
    }
    if (item == Integer.class || item == Long.class) {
      return " of integers";
    }
    return item instanceof Class<?> type && type.isRecord() ? " of objects" : "";
  }

  private JsonNode whole(JsonNode value, boolean asInt, String sent) {
    if (!isWhole(value)) {
      return fail(sent, "must be an integer");
    }
    if (asInt ? !value.canConvertToInt() : !value.canConvertToLong()) {
      return fail(sent, "is out of range");
    }
    return asInt ? NODES.numberNode(value.intValue()) : NODES.numberNode(value.longValue());
  }

  /** A whole number; 1e309 parses as an infinite double, which has no decimal value. */
  private static boolean isWhole(JsonNode value) {
    if (!value.isNumber()
        || (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()))) {
      return false;
    }
    return value.decimalValue().stripTrailingZeros().scale() <= 0;
  }

  private JsonNode fail(String sent, String message) {
    problem(sent, message);
    return null;
  }

  private void problem(String field, String message) {
    problems.add(new ApiError.FieldError(field, message));
  }
}
