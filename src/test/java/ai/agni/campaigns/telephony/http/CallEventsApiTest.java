package ai.agni.campaigns.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.platform.Signatures;
import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/calling/call-events} at the HTTP level: signed with the number's runtime
 * secret, no API key, and every refusal in the error envelope. The dialer is off, so the session is
 * a queued single call that no event can change.
 */
class CallEventsApiTest extends ApiTestSupport {

  private static final String PATH = "/api/v1/calling/call-events";
  private static final String SECRET = "s3cret";

  private String session;

  @BeforeEach
  void aQueuedHttpCall() {
    session = queuedCall("http", "+14155550140", SECRET);
  }

  @Test
  void aSignedEventNeedsNoApiKeyAndAnswersTheEnvelope() {
    String body = event(session, "completed");
    JsonNode data = send(body, sign(SECRET, now(), body)).ok();
    assertThat(data.get("session_id").asString()).isEqualTo(session);
    // why not applied: the call never left the queue (the dialer is off), so it is not live.
    assertThat(data.get("applied").asBoolean()).isFalse();
    ApiResult withSlash = perform(request(PATH + "/", body, sign(SECRET, now(), body)));
    assertThat(withSlash.ok().get("session_id").asString()).isEqualTo(session);
  }

  @Test
  void aMissingSignatureIs401() {
    JsonNode error = send(event(session, "completed"), null).error(401, "UNAUTHORIZED");
    assertThat(error.get("message").asString()).contains("X-Agni-Signature");
    send(event(session, "completed"), " ").error(401, "UNAUTHORIZED");
  }

  @Test
  void aSignatureWithAnotherSecretIs401() {
    String body = event(session, "completed");
    send(body, sign("not-the-secret", now(), body)).error(401, "UNAUTHORIZED");
  }

  @Test
  void aSignatureOfAnotherBodyIs401() {
    String body = event(session, "completed");
    send(body, sign(SECRET, now(), event(session, "failed"))).error(401, "UNAUTHORIZED");
  }

  @Test
  void aMalformedSignatureIs401() {
    String body = event(session, "completed");
    send(body, "v1=abc").error(401, "UNAUTHORIZED");
  }

  @Test
  void aTimestampOlderOrNewerThanFiveMinutesIs401() {
    String body = event(session, "completed");
    long stale = now() - 301;
    JsonNode error = send(body, sign(SECRET, stale, body)).error(401, "UNAUTHORIZED");
    assertThat(error.get("message").asString()).contains("5 minutes");
    send(body, sign(SECRET, now() + 301, body)).error(401, "UNAUTHORIZED");
    send(body, sign(SECRET, now() - 240, body)).ok();
  }

  @Test
  void anUnknownSessionIs404() {
    String body = event(UUID.randomUUID().toString(), "completed");
    send(body, sign(SECRET, now(), body)).error(404, "NOT_FOUND");
  }

  @Test
  void aSessionThatIsNotAnHttpCallIs404() {
    String simulated = queuedCall("simulated", "+14155550141", null);
    String body = event(simulated, "completed");
    send(body, sign(SECRET, now(), body)).error(404, "NOT_FOUND");
  }

  @Test
  void anHttpNumberWithoutSecretRefusesEveryEvent() {
    String unsigned = queuedCall("http", "+14155550142", null);
    String body = event(unsigned, "completed");
    send(body, sign(SECRET, now(), body)).error(401, "UNAUTHORIZED");
  }

  @Test
  void anUnknownOrMissingStatusIs400NamingStatus() {
    for (String body :
        new String[] {
          event(session, "hung_up"),
          "{\"session_id\":\"" + session + "\"}",
          "{\"session_id\":\"" + session + "\",\"status\":null}",
          "{\"session_id\":\"" + session + "\",\"status\":7}"
        }) {
      send(body, sign(SECRET, now(), body)).invalidField("status");
    }
  }

  @Test
  void aMalformedTimeOrReasonIs400NamingIt() {
    String badAt =
        "{\"session_id\":\"" + session + "\",\"status\":\"completed\",\"at\":\"yesterday\"}";
    send(badAt, sign(SECRET, now(), badAt)).invalidField("at");
    String badReason = "{\"session_id\":\"" + session + "\",\"status\":\"failed\",\"reason\":42}";
    send(badReason, sign(SECRET, now(), badReason)).invalidField("reason");
  }

  @Test
  void aBodyWithoutAUsableSessionIdIs400() {
    for (String body :
        new String[] {"{\"status\":\"completed\"}", event("not-a-uuid", "completed")}) {
      send(body, sign(SECRET, now(), body)).invalidField("session_id");
    }
    String camel = "{\"sessionId\":\"" + session + "\",\"status\":\"ringing\"}";
    assertThat(send(camel, sign(SECRET, now(), camel)).ok().get("session_id").asString())
        .isEqualTo(session);
  }

  @Test
  void malformedJsonIs400NamingTheBody() {
    for (String body : new String[] {"{\"session_id\":", "[1,2]", ""}) {
      send(body, sign(SECRET, now(), body)).invalidField("body");
    }
  }

  private String queuedCall(String provider, String number, String secret) {
    TestOrg org = newOrganization();
    String agent =
        post(org, "/api/v1/agents/", json("{'name':'Runtime agent'}")).ok().get("id").asString();
    String numberBody =
        provider.equals("http")
            ? "{\"phone_number\":\"%s\",\"provider\":\"http\",\"runtime_url\":\"https://runtime.example.com/calls\"%s}"
                .formatted(number, secret == null ? "" : ",\"runtime_secret\":\"" + secret + "\"")
            : "{\"phone_number\":\"%s\",\"provider\":\"%s\"}".formatted(number, provider);
    post(org, "/api/v1/phone-numbers", numberBody).ok();
    return post(
            org,
            "/api/v1/calling/create-call",
            json(
                "{'type':'outbound_call','agent_id':'%s','from_phone_number':'%s','to_phone_number':'+14155550199'}"
                    .formatted(agent, number)))
        .json()
        .get("session_id")
        .asString();
  }

  private ApiResult send(String body, String signature) {
    return perform(request(PATH, body, signature));
  }

  private static MockHttpServletRequestBuilder request(String path, String body, String signature) {
    MockHttpServletRequestBuilder builder =
        MockMvcRequestBuilders.post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body.getBytes(StandardCharsets.UTF_8));
    if (signature != null) {
      builder.header(Signatures.HEADER, signature);
    }
    return builder;
  }

  private static String event(String sessionId, String status) {
    return "{\"session_id\":\"" + sessionId + "\",\"status\":\"" + status + "\"}";
  }

  private static String sign(String secret, long t, String body) {
    return Signatures.sign(secret, t, body.getBytes(StandardCharsets.UTF_8));
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
