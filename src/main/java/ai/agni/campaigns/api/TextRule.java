package ai.agni.campaigns.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The text rule of the API: any string may hold any Unicode text except U+0000 (NUL) and unpaired
 * surrogates. why: PostgreSQL cannot store NUL in text, and an unpaired surrogate is not Unicode at
 * all (it cannot be encoded as UTF-8); both are refused at the edge, naming the field, so that no
 * store ever sees them and H2 and PostgreSQL behave alike.
 */
public final class TextRule {

  static final String NUL = "must not contain the NUL character (U+0000)";
  static final String SURROGATE = "must not contain an unpaired surrogate (U+D800 to U+DFFF)";

  private TextRule() {}

  /** Why {@code text} breaks the rule, or null when it is fine (null text is fine). */
  public static String violation(CharSequence text) {
    if (text == null) {
      return null;
    }
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return NUL;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return SURROGATE;
        }
      } else if (Character.isLowSurrogate(c)) {
        return SURROGATE;
      }
    }
    return null;
  }

  public static boolean isValid(CharSequence text) {
    return violation(text) == null;
  }

  /** A 400 naming {@code field} when {@code text} breaks the rule. */
  public static void require(String field, CharSequence text) {
    String violation = violation(text);
    if (violation != null) {
      throw new InvalidRequestException(field, violation);
    }
  }

  /**
   * Every string value and property name under {@code node} that breaks the rule, each named by its
   * path ({@code metadata.note}, {@code tags[2]}) below {@code path}.
   */
  public static List<ApiError.FieldError> violations(JsonNode node, String path) {
    List<ApiError.FieldError> found = new ArrayList<>();
    collect(node, path, found);
    return found;
  }

  private static void collect(JsonNode node, String path, List<ApiError.FieldError> found) {
    if (node == null) {
      return;
    }
    if (node.isString()) {
      String violation = violation(node.stringValue());
      if (violation != null) {
        found.add(new ApiError.FieldError(path.isEmpty() ? "body" : path, violation));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", found);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String name = entry.getKey();
        String child = path.isEmpty() ? safeName(name) : path + "." + safeName(name);
        String violation = violation(name);
        if (violation != null) {
          found.add(new ApiError.FieldError(child, "field name " + violation));
        } else {
          collect(entry.getValue(), child, found);
        }
      }
    }
  }

  /** A field name fit to echo back: a broken one is shown with its bad characters escaped. */
  static String safeName(String name) {
    if (violation(name) == null) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (char c : name.toCharArray()) {
      if (c == 0 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
