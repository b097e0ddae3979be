package ai.agni.campaigns.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The contact fields handed to the agent as dynamic variables. */
final class ContactVariables {

  private ContactVariables() {}

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
