package ai.agni.campaigns.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code X-Agni-*} headers of the agent leg: who is called for which campaign, and up to {@link
 * #MAX_VARIABLES} of the contact's dynamic variables as {@code X-Agni-Var-<name>}. Pure.
 *
 * <p>why so strict: names and values come from contacts' data. A name that is not a SIP token, or a
 * value with a control character (a line break would start a new header), is left out, as are
 * values longer than {@link #MAX_VALUE_BYTES} bytes of UTF-8.
 */
final class AgentHeaders {

  static final int MAX_VARIABLES = 20;
  static final int MAX_VALUE_BYTES = 256;

  /** A header to add, by name and value. */
  record Header(String name, String value) {}

  private AgentHeaders() {}

  static List<Header> of(
      UUID sessionId,
      UUID campaignId,
      UUID contactId,
      UUID agentId,
      String callee,
      Map<String, String> variables) {
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("X-Agni-Session", sessionId.toString()));
    if (campaignId != null) {
      headers.add(new Header("X-Agni-Campaign", campaignId.toString()));
    }
    if (contactId != null) {
      headers.add(new Header("X-Agni-Contact", contactId.toString()));
    }
    if (agentId != null) {
      headers.add(new Header("X-Agni-Agent", agentId.toString()));
    }
    headers.add(new Header("X-Agni-Callee", callee));
    int added = 0;
    for (Map.Entry<String, String> v : sorted(variables).entrySet()) {
      if (added == MAX_VARIABLES) {
        break;
      }
      if (isToken(v.getKey()) && isHeaderValue(v.getValue())) {
        headers.add(new Header("X-Agni-Var-" + v.getKey(), v.getValue().trim()));
        added++;
      }
    }
    return headers;
  }

  /** why sorted: which 20 of more variables go is then the same on every attempt. */
  private static Map<String, String> sorted(Map<String, String> variables) {
    Map<String, String> out = new LinkedHashMap<>();
    if (variables != null) {
      variables.keySet().stream()
          .filter(k -> k != null)
          .sorted()
          .forEach(k -> out.put(k, variables.get(k)));
    }
    return out;
  }

  /** RFC 3261 token characters only, and short enough for a header name. */
  static boolean isToken(String name) {
    return name != null
        && !name.isEmpty()
        && name.length() <= 64
        && name.matches("[A-Za-z0-9\\-.!%*_+`'~]+");
  }

  static boolean isHeaderValue(String value) {
    if (value == null || value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
      return false;
    }
    return value.codePoints().noneMatch(c -> c < 0x20 || c == 0x7f);
  }
}
