package ai.agni.campaigns.telephony;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a call's route ({@link CallRequest#route}) from a row that selects its columns under the
 * route's key names: the number's {@code sip_trunk_uri}, {@code sip_username}, {@code
 * sip_password}, {@code runtime_url}, {@code runtime_secret} and the agent's {@code agent_sip_uri}.
 * The password and the secret stay sealed here; only the adapter placing the call opens them.
 */
public final class CallRoutes {

  private static final List<String> KEYS =
      List.of(
          CallRequest.SIP_TRUNK_URI,
          CallRequest.SIP_USERNAME,
          CallRequest.SIP_PASSWORD,
          CallRequest.RUNTIME_URL,
          CallRequest.RUNTIME_SECRET,
          CallRequest.AGENT_SIP_URI);

  private CallRoutes() {}

  /** The route of the current row; unset values are absent. */
  public static Map<String, String> read(ResultSet rs) throws SQLException {
    Map<String, String> route = new HashMap<>();
    for (String key : KEYS) {
      String value = rs.getString(key);
      if (value != null) {
        route.put(key, value);
      }
    }
    return Map.copyOf(route);
  }
}
