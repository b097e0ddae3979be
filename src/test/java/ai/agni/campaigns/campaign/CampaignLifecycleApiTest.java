package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** Status transitions (the whole matrix), activation needs, edits per state, delete, wake-ups. */
@RecordApplicationEvents
class CampaignLifecycleApiTest extends CampaignApiTestBase {

  private static final List<String> STATES = List.of("draft", "active", "paused", "completed");
  private static final List<String> ALLOWED =
      List.of(
          "draft>active",
          "active>paused",
          "paused>active",
          "draft>completed",
          "active>completed",
          "paused>completed");

  @Autowired ApplicationEvents events;

  /** A campaign brought to {@code state} through the API. */
  private JsonNode inState(Setup s, String state) {
    JsonNode c = aDraft(s);
    List<String> path =
        switch (state) {
          case "draft" -> List.of();
          case "active" -> List.of("start");
          case "paused" -> List.of("start", "pause");
          default -> List.of("complete");
        };
    for (String action : path) {
      c = post(s.org(), path(c) + "/" + action, null).ok();
    }
    assertThat(c.get("status").asString()).isEqualTo(state);
    return c;
  }

  @Test
  void everyPairOfStatesFollowsTheTransitionTable() {
    Setup s = aSetup();
    for (String from : STATES) {
      for (String to : STATES) {
        JsonNode before = inState(s, from);
        ApiResult result = patch(s.org(), path(before), json("{'status':'" + to + "'}"));
        String pair = from + ">" + to;
        if (from.equals(to)) {
          assertThat(result.ok()).as(pair).isEqualTo(before);
        } else if (ALLOWED.contains(pair)) {
          JsonNode after = result.ok();
          assertThat(after.get("status").asString()).as(pair).isEqualTo(to);
          assertThat(after.get("executionStatus").asString())
              .isEqualTo(to.equals("active") ? "running" : to);
          assertTimestamps(pair, before, after);
        } else {
          JsonNode error = result.error(409, "CONFLICT");
          assertThat(error.get("message").asString())
              .as(pair)
              .isEqualTo("Cannot change campaign status from " + from + " to " + to);
          assertThat(get(s.org(), path(before)).ok()).isEqualTo(before);
        }
      }
    }
  }

  private static void assertTimestamps(String pair, JsonNode before, JsonNode after) {
    String to = after.get("status").asString();
    if (to.equals("active")) {
      assertThat(after.get("startedAt").isNull()).as(pair).isFalse();
      if (!before.get("startedAt").isNull()) {
        assertThat(after.get("startedAt")).as(pair).isEqualTo(before.get("startedAt"));
      }
    } else {
      assertThat(after.get("startedAt")).as(pair).isEqualTo(before.get("startedAt"));
    }
    if (to.equals("completed")) {
      assertThat(after.get("completedAt").isNull()).as(pair).isFalse();
    } else {
      assertThat(after.get("completedAt").isNull()).as(pair).isTrue();
    }
  }

  @Test
  void statusValuesAreCaseInsensitiveAndExecutionStatusMapsOntoThem() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    assertThat(
            patch(s.org(), path(c), json("{'executionStatus':'RUNNING'}"))
                .ok()
                .get("status")
                .asString())
        .isEqualTo("active");
    assertThat(
            patch(s.org(), path(c), json("{'status':'Paused','execution_status':'paused'}"))
                .ok()
                .get("executionStatus")
                .asString())
        .isEqualTo("paused");
    patch(s.org(), path(c), json("{'status':'running'}")).invalidField("status");
    patch(s.org(), path(c), json("{'executionStatus':'active'}")).invalidField("executionStatus");
    patch(s.org(), path(c), json("{'status':'active','executionStatus':'completed'}"))
        .invalidField("executionStatus");
    patch(s.org(), path(c), json("{'status':5}")).invalidField("status");
    assertThat(get(s.org(), path(c)).ok().get("status").asString()).isEqualTo("paused");
  }

  @Test
  void startedAtIsSetOnceAndCompletedAtOnCompletion() {
    Setup s = aSetup();
    JsonNode started = post(s.org(), path(aDraft(s)) + "/start/", null).ok();
    String startedAt = started.get("startedAt").asString();
    JsonNode paused = post(s.org(), path(started) + "/pause", null).ok();
    assertThat(paused.get("status").asString()).isEqualTo("paused");
    JsonNode resumed = post(s.org(), path(started) + "/resume", null).ok();
    assertThat(resumed.get("startedAt").asString()).isEqualTo(startedAt);
    assertThat(resumed.get("executionStatus").asString()).isEqualTo("running");
    JsonNode completed = post(s.org(), path(started) + "/complete", null).ok();
    assertThat(completed.get("completedAt").isNull()).isFalse();
    assertThat(completed.get("contactStats").get("pending").asInt()).isEqualTo(3);
    assertThat(post(s.org(), path(started) + "/complete", null).ok()).isEqualTo(completed);
    post(s.org(), path(started) + "/resume", null).error(409, "CONFLICT");
    JsonNode draft = aDraft(s);
    assertThat(
            post(s.org(), path(draft) + "/pause", null)
                .error(409, "CONFLICT")
                .get("message")
                .asString())
        .isEqualTo("Cannot change campaign status from draft to paused");
  }

  @Test
  void activationNeedsAnActiveAgentAnActiveNumberAndContacts() {
    Setup s = aSetup();
    JsonNode empty = post(s.org(), "/api/v1/campaigns", createBody(s, List.of(), "")).ok();
    assertThat(
            post(s.org(), path(empty) + "/start", null)
                .error(409, "CONFLICT")
                .get("message")
                .asString())
        .contains("no contacts");

    UUID inactive = data.anAgent(s.org().id(), "inactive");
    JsonNode c = aDraft(s);
    patch(s.org(), path(c), json("{'agentId':'" + inactive + "'}")).ok();
    jdbc.sql("UPDATE phone_numbers SET status = 'released' WHERE id = ?")
        .param(s.number().id())
        .update();
    String message =
        patch(s.org(), path(c), json("{'status':'active'}"))
            .error(409, "CONFLICT")
            .get("message")
            .asString();
    assertThat(message).contains("agent " + inactive).contains("phone number " + s.number().id());
    assertThat(get(s.org(), path(c)).ok().get("status").asString()).isEqualTo("draft");
    assertThat(events.stream(CampaignWorkChanged.class)).isEmpty();
  }

  @Test
  void whileActiveScheduleAndLimitsChangeButNotAgentOrNumber() {
    Setup s = aSetup();
    JsonNode active = inState(s, "active");
    events.clear();
    JsonNode changed =
        patch(s.org(), path(active), json("{'schedule':{'maxConcurrent':2},'outboundMaxCps':0.5}"))
            .ok();
    assertThat(changed.get("schedule").get("maxConcurrent").asInt()).isEqualTo(2);
    assertThat(changed.get("outboundMaxCps").asDouble()).isEqualTo(0.5);
    assertThat(events.stream(CampaignWorkChanged.class))
        .containsExactly(new CampaignWorkChanged(s.org().id(), id(active)));

    UUID otherAgent = data.anActiveAgent(s.org().id());
    CampaignTestData.PhoneNumber otherNumber = data.anActiveNumber(s.org().id());
    assertThat(
            patch(s.org(), path(active), json("{'agentId':'" + otherAgent + "'}"))
                .error(409, "CONFLICT")
                .get("message")
                .asString())
        .contains("agentId");
    patch(s.org(), path(active), json("{'phoneNumberId':'" + otherNumber.id() + "'}"))
        .error(409, "CONFLICT");
    patch(s.org(), path(active), json("{'fromPhoneNumber':'" + otherNumber.phone() + "'}"))
        .error(409, "CONFLICT");
    assertThat(
            patch(s.org(), path(active), json("{'agentId':'" + s.agentId() + "','name':'Renamed'}"))
                .ok()
                .get("name")
                .asString())
        .isEqualTo("Renamed");

    JsonNode paused = post(s.org(), path(active) + "/pause", null).ok();
    JsonNode moved =
        patch(
                s.org(),
                path(paused),
                json("{'agentId':'" + otherAgent + "','phoneNumberId':'" + otherNumber.id() + "'}"))
            .ok();
    assertThat(moved.get("agentId").asString()).isEqualTo(otherAgent.toString());
    assertThat(moved.get("fromPhoneNumber").asString()).isEqualTo(otherNumber.phone());
  }

  @Test
  void wakeUpsFollowActivationResumeAndLimitChangesOnly() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    events.clear();
    patch(s.org(), path(c), json("{'schedule':{'maxConcurrent':3}}")).ok();
    assertThat(events.stream(CampaignWorkChanged.class)).isEmpty();
    post(s.org(), path(c) + "/start", null).ok();
    assertThat(events.stream(CampaignWorkChanged.class)).hasSize(1);
    post(s.org(), path(c) + "/pause", null).ok();
    patch(s.org(), path(c), json("{'name':'n'}")).ok();
    assertThat(events.stream(CampaignWorkChanged.class)).hasSize(1);
    post(s.org(), path(c) + "/resume", null).ok();
    assertThat(events.stream(CampaignWorkChanged.class)).hasSize(2);
  }

  @Test
  void aCompletedCampaignOnlyTakesANewName() {
    Setup s = aSetup();
    JsonNode done = inState(s, "completed");
    assertThat(patch(s.org(), path(done), json("{'name':'Archive'}")).ok().get("name").asString())
        .isEqualTo("Archive");
    for (String body :
        List.of(
            "{'schedule':{'maxConcurrent':2}}",
            "{'outboundMaxConcurrent':3}",
            "{'agentId':'" + data.anActiveAgent(s.org().id()) + "'}")) {
      assertThat(
              patch(s.org(), path(done), json(body))
                  .error(409, "CONFLICT")
                  .get("message")
                  .asString())
          .contains("completed");
    }
    assertThat(
            patch(
                    s.org(),
                    path(done),
                    json("{'status':'completed','schedule':{'maxConcurrent':5}}"))
                .ok()
                .get("name")
                .asString())
        .isEqualTo("Archive");
  }

  @Test
  void deleteRemovesTheQueueKeepsCallsAndRefusesActiveCampaigns() {
    Setup s = aSetup();
    JsonNode active = inState(s, "active");
    delete(s.org(), path(active)).error(409, "CONFLICT");
    UUID callId = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, organization_id, campaign_id, contact_id, attempt, channel,"
                + " caller_number, callee_number, status, queued_at, version)"
                + " VALUES (?, ?, ?, ?, 1, 'phone', '+1', '+2', 'completed', CURRENT_TIMESTAMP, 0)")
        .params(callId, s.org().id(), id(active), s.contacts().get(0))
        .update();
    post(s.org(), path(active) + "/pause", null).ok();
    ApiResult deleted = delete(s.org(), path(active) + "/");
    assertThat(deleted.ok().get("id").asString()).isEqualTo(active.get("id").asString());
    get(s.org(), path(active)).error(404, "NOT_FOUND");
    assertThat(data.queueSize(id(active))).isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM calls WHERE id = ?")
                .param(callId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    delete(s.org(), path(active)).error(404, "NOT_FOUND");
    delete(s.org(), path(aDraft(s))).ok();
    delete(s.org(), path(inState(s, "completed"))).ok();
    assertThat(data.campaignCount(s.org().id())).isZero();
  }
}
