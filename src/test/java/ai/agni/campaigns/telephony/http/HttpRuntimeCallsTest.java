package ai.agni.campaigns.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.telephony.http.FakeRuntime.Posted;
import ai.agni.campaigns.telephony.http.FakeRuntime.Reply;
import ai.agni.campaigns.telephony.http.FakeRuntime.Step;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Single calls through the {@code http} provider against a real runtime on loopback: acceptance,
 * every way a runtime can fail to take a call, the deadline, and events that come late, twice or
 * out of order.
 */
class HttpRuntimeCallsTest extends HttpRuntimeTestBase {

  @Test
  void anAcceptedCallFollowsItsEventsToCompleted() {
    String number = api.httpNumber(FROM, runtime.url(), SECRET);
    String session = api.singleCall(agent, FROM, "+14155550201");

    JsonNode ended = ended(session);
    assertThat(ended.get("status").asString()).isEqualTo("completed");
    assertThat(ended.get("disconnect_reason").asString()).isEqualTo("completed");
    assertThat(ended.get("counts_as_attempt").asBoolean()).isTrue();
    List<Posted> events = awaitPosted(session, 3);
    assertThat(events)
        .extracting(Posted::status)
        .containsExactly("ringing", "answered", "completed");
    assertThat(events).allSatisfy(p -> assertThat(p.answerStatus()).isEqualTo(200));
    assertThat(events)
        .allSatisfy(p -> assertThat(p.answer().at("/data/applied").asBoolean()).isTrue());
    assertThat(events.get(0).answer().at("/data/session_id").asString()).isEqualTo(session);
    assertThat(ended.get("answered_at").asString()).isEqualTo(events.get(1).at());
    assertThat(ended.get("ended_at").asString()).isEqualTo(events.get(2).at());

    FakeRuntime.Offer offer = runtime.offers().get(0);
    assertThat(offer.signatureValid()).isTrue();
    assertThat(offer.sessionHeader()).isEqualTo(session);
    JsonNode call = offer.body();
    assertThat(call.get("session_id").asString()).isEqualTo(session);
    assertThat(call.get("organization_id").asString()).isNotBlank();
    assertThat(call.get("campaign_id").isNull()).isTrue();
    assertThat(call.get("contact_id").isNull()).isTrue();
    assertThat(call.get("agent_id").asString()).isEqualTo(agent);
    assertThat(call.get("from").asString()).isEqualTo(FROM);
    assertThat(call.get("to").asString()).isEqualTo("+14155550201");
    assertThat(call.get("ring_timeout_ms").asLong()).isEqualTo(30_000);
    assertThat(call.get("max_duration_ms").asLong()).isEqualTo(600_000);
    assertThat(call.get("variables").isObject()).isTrue();
    assertThat(call.get("events_url").asString())
        .isEqualTo("http://localhost:" + port + "/api/v1/calling/call-events");
    assertThat(backoff(number)).isNull();
  }

  @Test
  void aRuntimeAnswering500EndsTheCallWithoutAnAttemptAndBacksTheNumberOff() {
    String number = api.httpNumber(FROM, runtime.url(), SECRET);
    runtime.script("+14155550202", Reply.status(500, Map.of()));
    String session = api.singleCall(agent, FROM, "+14155550202");

    JsonNode ended = ended(session);
    assertUnavailable(ended, "runtime HTTP 500");
    Map<String, Object> backoff = backoff(number);
    assertThat(backoff).isNotNull();
    assertThat(backoff.get("reason")).isEqualTo("runtime_unavailable");
    // why about 30 s: no Retry-After, the first back-off of the contract.
    assertThat(blockedFor(backoff, ended))
        .isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
  }

  @Test
  void aRuntimeAnswering503HonoursItsRetryAfter() {
    String number = api.httpNumber(FROM, runtime.url(), SECRET);
    runtime.script("+14155550203", Reply.status(503, Map.of("Retry-After", "7")));
    String session = api.singleCall(agent, FROM, "+14155550203");

    JsonNode ended = ended(session);
    assertUnavailable(ended, "runtime HTTP 503");
    assertThat(blockedFor(backoff(number), ended))
        .isBetween(Duration.ofSeconds(6), Duration.ofSeconds(8));
  }

  @Test
  void aRuntimeSlowerThanTheAcceptTimeoutIsUnavailable() {
    api.httpNumber(FROM, runtime.url(), SECRET);
    runtime.script("+14155550204", Reply.slow(Duration.ofMillis(2_000)));
    String session = api.singleCall(agent, FROM, "+14155550204");

    JsonNode ended = ended(session);
    assertUnavailable(ended, "runtime timed out after 500 ms");
    assertThat(Duration.between(instant(ended, "started_at"), instant(ended, "ended_at")))
        .isLessThan(Duration.ofMillis(1_500));
  }

  @Test
  void aRuntimeThatIsNotListeningIsUnavailable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    api.httpNumber(FROM, "http://127.0.0.1:" + closed + "/calls", SECRET);
    String session = api.singleCall(agent, FROM, "+14155550205");

    assertUnavailable(ended(session), "runtime connection refused");
  }

  @Test
  void aCallWithNoFinalEventInTimeIsLostAndLateEventsChangeNothing() {
    String quick =
        api.agent("{\"name\":\"Quick\",\"ringDurationMs\":1000,\"maxCallDurationMs\":1000}");
    api.httpNumber(FROM, runtime.url(), SECRET);
    // Deadline: 1 s ring + 1 s talk + 0.5 s; the runtime answers, then reports after 3.5 s.
    runtime.script(
        "+14155550206",
        Reply.accept(
            Step.of("ringing"),
            Step.late(Duration.ofMillis(3_500), "answered"),
            Step.of("completed")));
    String session = api.singleCall(quick, FROM, "+14155550206");

    JsonNode ended = ended(session);
    assertThat(ended.get("status").asString()).isEqualTo("failed");
    assertThat(ended.get("disconnect_reason").asString()).isEqualTo("runtime_lost");
    assertThat(ended.get("counts_as_attempt").asBoolean()).isTrue();
    assertThat(ended.get("answered_at").isNull()).isTrue();
    Duration lived = Duration.between(instant(ended, "started_at"), instant(ended, "ended_at"));
    assertThat(lived).isBetween(Duration.ofMillis(2_400), Duration.ofMillis(3_400));

    List<Posted> events = awaitPosted(session, 3);
    assertThat(events).extracting(Posted::answerStatus).containsOnly(200);
    assertThat(events)
        .extracting(p -> p.answer().at("/data/applied").asBoolean())
        .containsExactly(true, false, false);
    JsonNode after = api.session(session);
    assertThat(after.get("status").asString()).isEqualTo("failed");
    assertThat(after.get("disconnect_reason").asString()).isEqualTo("runtime_lost");
    assertThat(after.get("answered_at").isNull()).isTrue();
  }

  @Test
  void repeatedAndOutOfOrderEventsAreHarmless() {
    api.httpNumber(FROM, runtime.url(), SECRET);
    runtime.script(
        "+14155550207",
        Reply.accept(
            Step.of("busy"),
            Step.of("busy"),
            Step.of("completed"),
            Step.of("answered"),
            Step.of("ringing")));
    String session = api.singleCall(agent, FROM, "+14155550207");

    List<Posted> events = awaitPosted(session, 5);
    assertThat(events).extracting(Posted::answerStatus).containsOnly(200);
    assertThat(events)
        .extracting(p -> p.answer().at("/data/applied").asBoolean())
        .containsExactly(true, false, false, false, false);
    JsonNode ended = ended(session);
    assertThat(ended.get("status").asString()).isEqualTo("busy");
    assertThat(ended.get("disconnect_reason").asString()).isEqualTo("busy");
    assertThat(ended.get("answered_at").isNull()).isTrue();
    assertThat(ended.get("ended_at").asString()).isEqualTo(events.get(0).at());
  }

  @Test
  void aSecondAnswerKeepsTheFirstAnswerTime() {
    api.httpNumber(FROM, runtime.url(), SECRET);
    runtime.script(
        "+14155550208",
        Reply.accept(
            Step.of("ringing"),
            Step.of("answered"),
            Step.of("ringing"),
            Step.of("answered"),
            new Step(Duration.ofMillis(1_100), "voicemail", null, null)));
    String session = api.singleCall(agent, FROM, "+14155550208");

    List<Posted> events = awaitPosted(session, 5);
    assertThat(events)
        .extracting(p -> p.answer().at("/data/applied").asBoolean())
        .containsExactly(true, true, false, false, true);
    JsonNode ended = ended(session);
    assertThat(ended.get("status").asString()).isEqualTo("voicemail");
    assertThat(ended.get("answered_at").asString()).isEqualTo(events.get(1).at());
    assertThat(ended.get("duration_sec").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aFailureKeepsTheRuntimesReasonSanitized() {
    api.httpNumber(FROM, runtime.url(), SECRET);
    String reason = "sip\u0007 503: über\ttrunk " + "x".repeat(150);
    runtime.script("+14155550209", Reply.accept(Step.of("failed", reason)));
    String session = api.singleCall(agent, FROM, "+14155550209");

    JsonNode ended = ended(session);
    assertThat(ended.get("status").asString()).isEqualTo("failed");
    String recorded = ended.get("disconnect_reason").asString();
    assertThat(recorded).startsWith("sip 503: bertrunk xxx").hasSize(100);
    assertThat(recorded.chars()).allMatch(c -> c >= 0x20 && c <= 0x7E);
  }

  @Test
  void eventsSignedWithAnotherSecretAreRefusedAndTheCallIsLost() {
    String quick =
        api.agent("{\"name\":\"Quick\",\"ringDurationMs\":1000,\"maxCallDurationMs\":1000}");
    api.httpNumber(FROM, runtime.url(), SECRET);
    runtime.script(
        "+14155550210",
        Reply.accept(new Step(Duration.ofMillis(30), "completed", null, "not-the-secret")));
    String session = api.singleCall(quick, FROM, "+14155550210");

    List<Posted> events = awaitPosted(session, 1);
    assertThat(events.get(0).answerStatus()).isEqualTo(401);
    assertThat(events.get(0).answer().get("code").asString()).isEqualTo("UNAUTHORIZED");
    JsonNode ended = ended(session);
    assertThat(ended.get("disconnect_reason").asString()).isEqualTo("runtime_lost");
  }
}
