package ai.agni.campaigns.api;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client sent in a request body: which fields (so a PATCH changes only those, and an
 * explicit null resets one), how it spelled each ({@code window_start} or {@code windowStart}, so
 * an error names the field as sent), and the top-level fields the request model does not declare
 * (kept as given where a resource stores them). Paths are camelCase and dotted: {@code
 * schedule.windowStart}.
 */
public final class SentFields {

  private static final SentFields NONE =
      new SentFields(JsonNodeFactory.instance.objectNode(), Map.of(), null);

  private final ObjectNode camel;
  private final Map<String, String> spelled;
  private final ObjectNode others;

  SentFields(ObjectNode camel, Map<String, String> spelled, ObjectNode others) {
    this.camel = camel;
    this.spelled = spelled;
    this.others = others == null ? JsonNodeFactory.instance.objectNode() : others;
  }

  /** Nothing sent: for changes made by code rather than by a body (action shortcuts). */
  public static SentFields none() {
    return NONE;
  }

  /** Whether the client sent this field, null included. */
  public boolean has(String path) {
    return node(path) != null;
  }

  /** Whether the client sent this field as an explicit JSON null. */
  public boolean isNull(String path) {
    JsonNode node = node(path);
    return node != null && node.isNull();
  }

  /**
   * The field's path as the client spelled it ({@code schedule.window_start}); an item index below
   * it ({@code webhookUrls[2]}) keeps the spelling of what it did send, and a field it did not send
   * is named in camelCase.
   */
  public String field(String path) {
    String exact = spelled.get(path);
    if (exact != null) {
      return exact;
    }
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) {
      return path;
    }
    String parent = field(path.substring(0, cut));
    return parent + path.substring(cut);
  }

  /** A 400 naming the field as sent. */
  public InvalidRequestException invalid(String path, String message) {
    return new InvalidRequestException(field(path), message);
  }

  /** The top-level fields the model does not declare, as sent. */
  public ObjectNode others() {
    return others;
  }

  private JsonNode node(String path) {
    JsonNode node = camel;
    for (String part : path.split("\\.")) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(part);
    }
    return node;
  }
}
