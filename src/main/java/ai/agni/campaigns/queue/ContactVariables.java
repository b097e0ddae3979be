package ai.agni.campaigns.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The contact fields handed to the agent as dynamic variables. */
final class ContactVariables {

  private ContactVariables() {}

  /** A claimed queue row (contact_id, attempts, version) with its contact's fields. */
  static ClaimedEntry claimed(ResultSet rs, int row) throws SQLException {
    return new ClaimedEntry(
        rs.getObject("contact_id", UUID.class),
        rs.getInt("attempts"),
        rs.getLong("version"),
        rs.getString("phone"),
        of(rs));
  }

  static Map<String, String> of(ResultSet rs) throws SQLException {
    Map<String, String> out = new HashMap<>();
    for (String column : new String[] {"phone", "first_name", "last_name", "email", "company"}) {
      String value = rs.getString(column);
      if (value != null) {
        out.put(column, value);
      }
    }
    return Map.copyOf(out);
  }
}
