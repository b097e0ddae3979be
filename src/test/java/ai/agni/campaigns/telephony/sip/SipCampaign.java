package ai.agni.campaigns.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * One campaign of one contact over a {@code provider: sip} number whose trunk is a sipp peer, and
 * an agent whose {@code sipUri} is another (or an address nobody answers), created and started over
 * the HTTP API with its window open now; read back over the API as a client sees it.
 */
final class SipCampaign {

  private final ServiceApi api;
  private final String campaignId;
  private final String contactId;
  private final String phone;

  private SipCampaign(ServiceApi api, String campaignId, String contactId, String phone) {
    this.api = api;
    this.campaignId = campaignId;
    this.contactId = contactId;
    this.phone = phone;
  }

  /**
   * Creates the agent (ring and talk time, {@code agent}'s URI or none), the number (trunk {@code
   * trunk}, with digest credentials when {@code user} is given), the contact and the campaign
   * ({@code retries} retries one minute apart) in the organization of {@code api}, and starts it.
   */
  static SipCampaign start(
      ServiceApi api,
      Sipp trunk,
      Sipp agent,
      String transport,
      int ringMs,
      int maxMs,
      int retries,
      String user,
      String password)
      throws Exception {
    String sipUri = agent == null ? "sip:agent@127.0.0.1:9" : agent.uri("agent", transport);
    String agentId =
        api.id(
            api.call(
                "POST",
                "/agents/",
                "{\"name\":\"SIP agent\",\"ringDurationMs\":%d,\"maxCallDurationMs\":%d,\"sipUri\":\"%s\"}"
                    .formatted(ringMs, maxMs, sipUri)));
    String credentials =
        user == null
            ? ""
            : ",\"sip_username\":\"%s\",\"sip_password\":\"%s\"".formatted(user, password);
    String numberId =
        api.id(
            api.call(
                "POST",
                "/phone-numbers",
                "{\"phone_number\":\"+14155550100\",\"provider\":\"sip\",\"sip_trunk_uri\":\"%s\"%s}"
                    .formatted(trunk.uri(null, transport), credentials)));
    String phone = "+1415555" + String.format("%04d", (int) (Math.random() * 9000) + 1000);
    String contactId =
        api.id(
            api.call(
                "POST",
                "/contacts/",
                "{\"phone\":\"%s\",\"first_name\":\"Ada\",\"metadata\":{\"appointment\":\"Mon 10:00\"}}"
                    .formatted(phone)));
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    Instant now = Instant.now();
    String campaignId =
        api.id(
            api.call(
                "POST",
                "/campaigns/",
                ("{\"name\":\"SIP\",\"agentId\":\"%s\",\"phoneNumberId\":\"%s\",\"fromPhoneNumber\":\"+14155550100\","
                        + "\"contactIds\":[\"%s\"],\"schedule\":{\"windowStart\":\"%s\",\"windowEnd\":\"%s\","
                        + "\"windowDays\":[0,1,2,3,4,5,6],\"timezone\":\"UTC\",\"retryAttempts\":%d,\"retryGapMin\":1}}")
                    .formatted(
                        agentId,
                        numberId,
                        contactId,
                        hhmm.format(now.minus(Duration.ofHours(2))),
                        hhmm.format(now.plus(Duration.ofHours(2))),
                        retries)));
    HttpResponse<String> started = api.call("POST", "/campaigns/" + campaignId + "/start", null);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return new SipCampaign(api, campaignId, contactId, phone);
  }

  String campaignId() {
    return campaignId;
  }

  String phone() {
    return phone;
  }

  /** The campaign's sessions, newest first. */
  List<JsonNode> sessions() throws Exception {
    JsonNode data =
        api.data(api.call("GET", "/calling/call-sessions?campaign_id=" + campaignId, null));
    List<JsonNode> out = new ArrayList<>();
    data.get("callSessions").forEach(out::add);
    return out;
  }

  boolean isFinal(JsonNode session) {
    return List.of("completed", "no_answer", "busy", "voicemail", "failed")
        .contains(session.get("status").asString());
  }

  /** The first session, once it has ended. */
  JsonNode finalSession() {
    return firstSession(this::isFinal);
  }

  /** The first session, once it is as {@code wanted} says (within 30 s). */
  JsonNode firstSession(Predicate<JsonNode> wanted) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<JsonNode> all = sessions();
              JsonNode first = all.isEmpty() ? null : all.get(all.size() - 1);
              return first != null && wanted.test(first) ? first : null;
            },
            s -> s != null);
  }

  JsonNode contact() throws Exception {
    JsonNode items = api.data(api.call("GET", "/campaigns/" + campaignId + "/contacts", null));
    for (JsonNode item : items) {
      if (item.get("id").asString().equals(contactId)) {
        return item;
      }
    }
    throw new AssertionError("contact not in campaign: " + items);
  }
}
