package ai.agni.campaigns.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.AgniCampaignsApplication;
import ai.agni.campaigns.telephony.http.FakeRuntime.Posted;
import ai.agni.campaigns.telephony.http.FakeRuntime.Reply;
import ai.agni.campaigns.telephony.http.FakeRuntime.Step;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The runtime's events reach a node that did not place the call: a second service node on the same
 * database (its own port, no dialer) settles the call from the database through the engine's
 * reports, and the placing node's deadline, firing later, changes nothing.
 */
class HttpRuntimeTwoNodesTest extends HttpRuntimeTestBase {

  private static ConfigurableApplicationContext otherNode;

  @BeforeAll
  static void startAnotherNode() {
    // why arguments, not builder properties: those are defaults, below application.yml.
    otherNode =
        new SpringApplicationBuilder(AgniCampaignsApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + DATABASE,
                "--agni.dialer.enabled=false",
                "--agni.dialer.node-id=http-runtime-other-node",
                "--agni.outbound.allow-private=true",
                "--agni.data-dir=target/test-data");
  }

  @AfterAll
  static void stopTheOtherNode() {
    otherNode.close();
  }

  @Test
  void eventsPostedToAnotherNodeEndTheCallOnceWithItsAnswerTime() {
    String otherPort = otherNode.getEnvironment().getProperty("local.server.port");
    runtime.postEventsTo("http://127.0.0.1:" + otherPort);
    String quick =
        api.agent("{\"name\":\"Quick\",\"ringDurationMs\":1000,\"maxCallDurationMs\":1000}");
    api.httpNumber(FROM, runtime.url(), SECRET);
    runtime.script(
        "+14155550401",
        Reply.accept(
            Step.of("ringing"),
            Step.of("answered"),
            Step.of("answered"),
            new Step(Duration.ofMillis(1_100), "completed", null, null),
            Step.of("failed")));
    String session = api.singleCall(quick, FROM, "+14155550401");

    List<Posted> events = awaitPosted(session, 5);
    assertThat(events).extracting(Posted::answerStatus).containsOnly(200);
    assertThat(events)
        .extracting(p -> p.answer().at("/data/applied").asBoolean())
        .containsExactly(true, true, false, true, false);
    JsonNode ended = ended(session);
    assertThat(ended.get("status").asString()).isEqualTo("completed");
    assertThat(ended.get("disconnect_reason").asString()).isEqualTo("completed");
    assertThat(ended.get("counts_as_attempt").asBoolean()).isTrue();
    assertThat(ended.get("answered_at").asString()).isEqualTo(events.get(1).at());
    assertThat(ended.get("ended_at").asString()).isEqualTo(events.get(3).at());
    assertThat(ended.get("duration_sec").asInt()).isEqualTo(1);

    // The placing node's deadline (1 s + 1 s + 0.5 s after placement) passes without effect.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> api.session(session),
            s ->
                "completed".equals(s.get("status").asString())
                    && events.get(3).at().equals(s.get("ended_at").asString()));
  }

  @Test
  void anAnswerThePlacingNodeGotAndAnEndAnotherNodeGotMakeOneCallWithItsTalkTime() {
    String other =
        "http://127.0.0.1:" + otherNode.getEnvironment().getProperty("local.server.port");
    String quick =
        api.agent("{\"name\":\"Split\",\"ringDurationMs\":1000,\"maxCallDurationMs\":5000}");
    api.httpNumber("+14155550102", runtime.url(), SECRET);
    runtime.script(
        "+14155550402",
        Reply.accept(
            Step.of("answered"),
            new Step(Duration.ofMillis(1_100), "completed", null, null).to(other)));
    String session = api.singleCall(quick, "+14155550102", "+14155550402");

    List<Posted> events = awaitPosted(session, 2);
    assertThat(events).extracting(Posted::answerStatus).containsOnly(200);
    JsonNode ended = ended(session);
    assertThat(ended.get("status").asString()).isEqualTo("completed");
    assertThat(ended.get("answered_at").asString())
        .as("the answer written by the placing node")
        .isEqualTo(events.get(0).at());
    assertThat(ended.get("duration_sec").asInt()).isEqualTo(1);
  }
}
