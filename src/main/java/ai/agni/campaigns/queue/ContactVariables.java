package ai.agni.campaigns.queue;

import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contact fields handed to the agent as dynamic variables: its name, phone, email and company,
 * and every key of its {@code metadata} (values as text; nested objects and arrays as JSON). A
 * metadata key never replaces one of the contact's own fields.
 */
final class ContactVariables {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ContactVariables() {}

  /**
   * A claimed queue row (contact_id, attempts, version, next_attempt_at, added_at, zone_key) with
   * its contact's fields.
   */
  static ClaimedEntry claimed(ResultSet rs, int row) throws SQLException {
    Instant next = Times.instant(rs, "next_attempt_at");
    return new ClaimedEntry(
        rs.getObject("contact_id", UUID.class),
        rs.getInt("attempts"),
        rs.getLong("version"),
        rs.getString("phone"),
        of(rs),
        next != null ? next : Times.instant(rs, "added_at"),
        rs.getString("zone_key"));
  }

  static Map<String, String> of(ResultSet rs) throws SQLException {
    Map<String, String> out = new HashMap<>(metadata(rs.getString("metadata")));
    for (String column : new String[] {"phone", "first_name", "last_name", "email", "company"}) {
      String value = rs.getString(column);
      if (value != null) {
        out.put(column, value);
      }
    }
    return Map.copyOf(out);
  }

  private static Map<String, String> metadata(String stored) {
    Map<String, String> out = new HashMap<>();
    if (stored == null || stored.isBlank()) {
      return out;
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(stored);
    } catch (JacksonException e) {
      return out; // why: the API stores only valid objects; a row written around it adds nothing
    }
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      JsonNode value = field.getValue();
      if (!value.isNull()) {
        out.put(field.getKey(), value.isValueNode() ? value.asString() : value.toString());
      }
    }
    return out;
  }
}
