package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The schedule table of docs/api.md §6.4: formats, defaults, ranges, merging on update. */
class CampaignScheduleApiTest extends CampaignApiTestBase {

  private JsonNode schedule(Setup s, String schedule) {
    return createRaw(s, "'schedule':" + schedule).ok().get("schedule");
  }

  private void rejects(Setup s, String schedule, String field) {
    createRaw(s, "'schedule':" + schedule).invalidField(field);
  }

  @Test
  void windowTimesMustBeStrictlyHhMmAndDiffer() {
    Setup s = aSetup();
    for (String bad : List.of("9:00", "09:00:00", "24:00", "09:60", "0900", " 09:00")) {
      JsonNode error =
          createRaw(s, "'schedule':{'windowStart':'" + bad + "'}")
              .invalidField("schedule.windowStart");
      assertThat(error.get("errors").get(0).get("message").asString()).isEqualTo("must be HH:mm");
    }
    rejects(s, "{'window_end':'7pm'}", "schedule.window_end");
    rejects(s, "{'windowStart':900}", "schedule.windowStart");
    rejects(s, "{'windowStart':'10:00','windowEnd':'10:00'}", "schedule.windowEnd");
    rejects(s, "{'windowStart':'18:00'}", "schedule.windowStart");
    JsonNode overnight = schedule(s, "{'windowStart':'22:00','windowEnd':'06:00'}");
    assertThat(overnight.get("windowStart").asString()).isEqualTo("22:00");
    assertThat(overnight.get("windowEnd").asString()).isEqualTo("06:00");
  }

  @Test
  void windowDaysAreNonEmptyDistinctAndWithinTheWeek() {
    Setup s = aSetup();
    for (String bad : List.of("[]", "[1,1]", "[7]", "[-1]", "'1'", "[1.5]", "['mon']")) {
      createRaw(s, "'schedule':{'windowDays':" + bad + "}").error(400, "INVALID_REQUEST");
    }
    rejects(s, "{'windowDays':[]}", "schedule.windowDays");
    rejects(s, "{'window_days':[2,2]}", "schedule.window_days");
    assertThat(schedule(s, "{'windowDays':[6,0,3]}").get("windowDays").toString())
        .isEqualTo("[6,0,3]");
  }

  @Test
  void timezoneMustBeAnIanaId() {
    Setup s = aSetup();
    rejects(s, "{'timezone':'Mars/Olympus'}", "schedule.timezone");
    rejects(s, "{'timezone':'+04:00'}", "schedule.timezone");
    rejects(s, "{'timezone':4}", "schedule.timezone");
    assertThat(schedule(s, "{'timezone':'asia/dubai'}").get("timezone").asString())
        .isEqualTo("Asia/Dubai");
  }

  @Test
  void numbersAreRangeChecked() {
    Setup s = aSetup();
    rejects(s, "{'maxConcurrent':0}", "schedule.maxConcurrent");
    rejects(s, "{'maxConcurrent':1001}", "schedule.maxConcurrent");
    rejects(s, "{'retryAttempts':-1}", "schedule.retryAttempts");
    rejects(s, "{'retry_attempts':11}", "schedule.retry_attempts");
    rejects(s, "{'retryGapMin':0}", "schedule.retryGapMin");
    rejects(s, "{'retryGapMin':10081}", "schedule.retryGapMin");
    rejects(s, "{'retryGapMin':2.5}", "schedule.retryGapMin");
    JsonNode low = schedule(s, "{'maxConcurrent':1,'retryAttempts':0,'retryGapMin':1}");
    assertThat(List.of(low.get("maxConcurrent").asInt(), low.get("retryAttempts").asInt()))
        .containsExactly(1, 0);
    JsonNode high = schedule(s, "{'maxConcurrent':1000,'retryAttempts':10,'retryGapMin':10080}");
    assertThat(high.get("retryGapMin").asInt()).isEqualTo(10080);
  }

  @Test
  void startAndEndAcceptOffsetsLocalTimesAndDates() {
    Setup s = aSetup();
    JsonNode utc =
        schedule(s, "{'start':'2026-03-20T10:30:00Z','end':'2026-03-21T10:30:00+04:00'}");
    assertThat(utc.get("start").asString()).isEqualTo("2026-03-20T10:30:00Z");
    assertThat(utc.get("end").asString()).isEqualTo("2026-03-21T06:30:00Z");
    JsonNode local =
        schedule(s, "{'timezone':'Asia/Dubai','start':'2026-03-20T10:30','end':'2026-03-22'}");
    assertThat(local.get("start").asString()).isEqualTo("2026-03-20T06:30:00Z");
    assertThat(local.get("end").asString()).isEqualTo("2026-03-21T20:00:00Z");
    JsonNode defaultZone = schedule(s, "{'start':'2026-03-20'}");
    assertThat(defaultZone.get("start").asString()).isEqualTo("2026-03-20T00:00:00Z");
    rejects(s, "{'start':'tomorrow'}", "schedule.start");
    rejects(s, "{'start':'2026-03-20T10:30:00Z','end':'2026-03-20T10:30:00Z'}", "schedule.end");
    rejects(s, "{'start':'2026-03-21','end':'2026-03-20'}", "schedule.end");
  }

  @Test
  void localTimesAtDstChangesAreTheMomentTheClockFirstReadsThem() {
    Setup s = aSetup();
    // 02:30 does not exist on 2026-03-08 in New York: the clock reads it (passes it) at 03:00 EDT,
    // not at 03:30 EDT as atZone would shift it, so the campaign stops dialing at the gap's end.
    JsonNode gap =
        createRaw(s, "'schedule':{'timezone':'America/New_York','end':'2026-03-08T02:30:00'}").ok();
    assertThat(gap.get("schedule").get("end").asString()).isEqualTo("2026-03-08T07:00:00Z");
    assertThat(get(s.org(), path(gap)).ok().get("schedule").get("end").asString())
        .isEqualTo("2026-03-08T07:00:00Z");
    // 01:30 happens twice on 2026-11-01: the first occurrence (EDT, -04:00) is taken.
    JsonNode overlap =
        schedule(
            s,
            "{'timezone':'America/New_York','start':'2026-11-01T01:30:00',"
                + "'end':'2026-11-01T01:45'}");
    assertThat(overlap.get("start").asString()).isEqualTo("2026-11-01T05:30:00Z");
    assertThat(overlap.get("end").asString()).isEqualTo("2026-11-01T05:45:00Z");
    // Troll's 2-hour gap: 01:00 to 03:00 local on 2026-03-29 (01:00 UTC).
    JsonNode troll = schedule(s, "{'timezone':'Antarctica/Troll','end':'2026-03-29T02:00'}");
    assertThat(troll.get("end").asString()).isEqualTo("2026-03-29T01:00:00Z");
  }

  @Test
  void unknownScheduleFieldsAreNamedButUnknownTopLevelFieldsIgnored() {
    Setup s = aSetup();
    JsonNode error =
        createRaw(s, "'schedule':{'maxConcurent':3}").invalidField("schedule.maxConcurent");
    assertThat(error.get("message").asString()).contains("schedule.maxConcurent");
    createRaw(s, "'schedule':{'windowStart':'08:00','window_start':'08:00'}")
        .invalidField("schedule.windowStart");
    createRaw(s, "'schedule':'always'").invalidField("schedule");
    assertThat(
            createRaw(s, "'priority':'high','schedule':null")
                .ok()
                .get("schedule")
                .get("timezone")
                .asString())
        .isEqualTo("UTC");
    assertThat(data.campaignCount(s.org().id())).isEqualTo(1);
  }

  @Test
  void updateChangesOnlyTheSentSubFieldsAndValidatesTheMergedResult() {
    Setup s = aSetup();
    JsonNode c =
        createRaw(
                s,
                "'schedule':{'timezone':'Asia/Dubai','windowDays':[0,1],'start':'2026-05-01T00:00:00Z',"
                    + "'maxConcurrent':9}")
            .ok();
    JsonNode after =
        patch(s.org(), path(c), json("{'schedule':{'window_end':'20:00','retryAttempts':4}}"))
            .ok()
            .get("schedule");
    assertThat(after.get("windowEnd").asString()).isEqualTo("20:00");
    assertThat(after.get("retryAttempts").asInt()).isEqualTo(4);
    assertThat(after.get("windowStart").asString()).isEqualTo("09:00");
    assertThat(after.get("windowDays").toString()).isEqualTo("[0,1]");
    assertThat(after.get("timezone").asString()).isEqualTo("Asia/Dubai");
    assertThat(after.get("maxConcurrent").asInt()).isEqualTo(9);
    assertThat(after.get("start").asString()).isEqualTo("2026-05-01T00:00:00Z");

    patch(s.org(), path(c), json("{'schedule':{'windowStart':'20:00'}}"))
        .invalidField("schedule.windowStart");
    patch(s.org(), path(c), json("{'schedule':{'end':'2026-04-30T00:00:00Z'}}"))
        .invalidField("schedule.end");
    patch(s.org(), path(c), json("{'schedule':{'bogus':1}}")).invalidField("schedule.bogus");
    assertThat(get(s.org(), path(c)).ok().get("schedule")).isEqualTo(after);

    JsonNode reset =
        patch(
                s.org(),
                path(c),
                json("{'schedule':{'maxConcurrent':null,'start':null,'end':'2027-01-01'}}"))
            .ok()
            .get("schedule");
    assertThat(reset.get("maxConcurrent").asInt()).isEqualTo(5);
    assertThat(reset.get("start").isNull()).isTrue();
    assertThat(reset.get("end").asString()).isEqualTo("2026-12-31T20:00:00Z");
  }
}
