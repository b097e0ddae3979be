package ai.agni.campaigns.telephony;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Everything an adapter needs to place one call.
 *
 * @param sessionId the call session id; adapters use it as their correlation id
 * @param from caller ID, E.164
 * @param to callee, E.164
 * @param ringTimeout ring longer than this and the call is {@code no_answer}
 * @param maxDuration hang up an answered call after this long
 * @param variables the contact's dynamic variables for the agent
 * @param route where the provider is reached: the number's {@code sip_trunk_uri}, {@code
 *     sip_username}, {@code sip_password}, {@code runtime_url}, {@code runtime_secret} and the
 *     agent's {@code agent_sip_uri}, each present only when set; the password and the secret as
 *     stored (sealed, see {@code NumberSecrets}): the adapter opens them when it uses them
 */
public record CallRequest(
    UUID sessionId,
    UUID organizationId,
    UUID campaignId,
    UUID contactId,
    UUID agentId,
    String from,
    String to,
    Duration ringTimeout,
    Duration maxDuration,
    Map<String, String> variables,
    Map<String, String> route) {

  public static final String SIP_TRUNK_URI = "sip_trunk_uri";
  public static final String SIP_USERNAME = "sip_username";
  public static final String SIP_PASSWORD = "sip_password";
  public static final String RUNTIME_URL = "runtime_url";
  public static final String RUNTIME_SECRET = "runtime_secret";
  public static final String AGENT_SIP_URI = "agent_sip_uri";

  /** A route value, or null. */
  public String route(String key) {
    return route == null ? null : route.get(key);
  }
}
