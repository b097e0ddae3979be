package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The schedule additions of docs/api.md §12.1: windowTimezone, blackoutDates and retryPolicy, their
 * defaults, formats, ranges, merging on update and the columns the engine reads.
 */
class ScheduleComplianceFieldsApiTest extends CampaignApiTestBase {

  private static final String POLICY =
      "{'no_answer':{'retry':true,'gapsMin':[5,60]},'busy':{'retry':false}}";

  private JsonNode created(Setup s, String schedule) {
    return createRaw(s, "'schedule':" + schedule).ok();
  }

  private JsonNode schedule(Setup s, String schedule) {
    return created(s, schedule).get("schedule");
  }

  private JsonNode rejects(Setup s, String schedule, String field) {
    return createRaw(s, "'schedule':" + schedule).invalidField(field);
  }

  private static String message(JsonNode error, String field) {
    for (JsonNode one : error.get("errors")) {
      if (one.get("field").asString().equals(field)) {
        return one.get("message").asString();
      }
    }
    throw new AssertionError("no error for " + field + " in " + error);
  }

  /** The three columns of the campaign as stored. */
  private Map<String, Object> columns(JsonNode campaign) {
    return jdbc.sql(
            "SELECT window_timezone, blackout_dates, retry_policy FROM campaigns WHERE id = ?")
        .param(id(campaign))
        .query(
            (rs, row) -> {
              Map<String, Object> values = new java.util.HashMap<>();
              values.put("window_timezone", rs.getString(1));
              values.put("blackout_dates", rs.getString(2));
              values.put("retry_policy", rs.getString(3));
              return values;
            })
        .single();
  }

  private static String dates(int count) {
    LocalDate first = LocalDate.parse("2027-01-01");
    List<String> dates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      dates.add("'" + first.plusDays(i) + "'");
    }
    return dates.stream().collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void leftOutTheyShowTheirDefaultsAndStoreTheColumnDefaults() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    JsonNode schedule = c.get("schedule");
    assertThat(schedule.get("windowTimezone").asString()).isEqualTo("campaign");
    assertThat(schedule.get("blackoutDates").toString()).isEqualTo("[]");
    assertThat(schedule.has("retryPolicy")).isTrue();
    assertThat(schedule.get("retryPolicy").isNull()).isTrue();
    Map<String, Object> stored = columns(c);
    assertThat(stored.get("window_timezone")).isEqualTo("campaign");
    assertThat(stored.get("blackout_dates")).isEqualTo("");
    assertThat(stored.get("retry_policy")).isNull();
    assertThat(get(s.org(), path(c)).ok().get("schedule")).isEqualTo(schedule);
  }

  @Test
  void createdWithEachFieldTheyRoundTripAndStoreTheEngineFormats() {
    Setup s = aSetup();
    JsonNode c =
        created(
            s,
            "{'windowTimezone':'contact','blackoutDates':['2026-12-25','2026-01-01','2026-12-25',"
                + "'2026-12-24'],'retryPolicy':"
                + POLICY
                + "}");
    JsonNode schedule = c.get("schedule");
    assertThat(schedule.get("windowTimezone").asString()).isEqualTo("contact");
    assertThat(schedule.get("blackoutDates").toString())
        .isEqualTo(json("['2026-01-01','2026-12-24','2026-12-25']"));
    assertThat(schedule.get("retryPolicy").toString()).isEqualTo(json(POLICY));
    assertThat(get(s.org(), path(c)).ok().get("schedule")).isEqualTo(schedule);
    Map<String, Object> stored = columns(c);
    assertThat(stored.get("window_timezone")).isEqualTo("contact");
    assertThat(stored.get("blackout_dates")).isEqualTo("2026-01-01,2026-12-24,2026-12-25");
    assertThat(stored.get("retry_policy")).isEqualTo(json(POLICY));
  }

  @Test
  void theOutcomesAreWrittenInTheirFixedOrderWhateverTheOrderSent() {
    Setup s = aSetup();
    JsonNode c =
        created(
            s,
            "{'retryPolicy':{'failed':{'retry':false},'voicemail':{'retry':true,'gapsMin':[1440]},"
                + "'busy':{'retry':true,'gapsMin':[1,10080,1]},'no_answer':{'retry':true}}}");
    String expected =
        json(
            "{'no_answer':{'retry':true},'busy':{'retry':true,'gapsMin':[1,10080,1]},"
                + "'voicemail':{'retry':true,'gapsMin':[1440]},'failed':{'retry':false}}");
    assertThat(c.get("schedule").get("retryPolicy").toString()).isEqualTo(expected);
    assertThat(columns(c).get("retry_policy")).isEqualTo(expected);
  }

  @Test
  void bothCasingsAreAccepted() {
    Setup s = aSetup();
    JsonNode c =
        created(
            s,
            "{'window_timezone':'contact','blackout_dates':['2026-07-04'],'retry_policy':"
                + "{'noAnswer':{'retry':true,'gaps_min':[15]},'voicemail':{'retry':false}}}");
    JsonNode schedule = c.get("schedule");
    assertThat(schedule.get("windowTimezone").asString()).isEqualTo("contact");
    assertThat(schedule.get("blackoutDates").toString()).isEqualTo(json("['2026-07-04']"));
    String policy = json("{'no_answer':{'retry':true,'gapsMin':[15]},'voicemail':{'retry':false}}");
    assertThat(schedule.get("retryPolicy").toString()).isEqualTo(policy);
    assertThat(columns(c).get("retry_policy")).isEqualTo(policy);
    rejects(
        s,
        "{'retryPolicy':{'noAnswer':{'retry':true},'no_answer':{'retry':false}}}",
        "schedule.retryPolicy.noAnswer");
    rejects(
        s, "{'windowTimezone':'contact','window_timezone':'contact'}", "schedule.windowTimezone");
  }

  @Test
  void patchChangesOnlyWhatIsSentNullClearsThePolicyAndAnEmptyListTheDates() {
    Setup s = aSetup();
    JsonNode c =
        created(
            s,
            "{'windowTimezone':'contact','blackoutDates':['2026-12-25'],'retryPolicy':"
                + POLICY
                + "}");
    JsonNode before = c.get("schedule");

    JsonNode other =
        patch(s.org(), path(c), json("{'schedule':{'retryGapMin':45}}")).ok().get("schedule");
    assertThat(other.get("retryGapMin").asInt()).isEqualTo(45);
    for (String field : List.of("windowTimezone", "blackoutDates", "retryPolicy")) {
      assertThat(other.get(field)).as(field).isEqualTo(before.get(field));
    }
    patch(s.org(), path(c), json("{'name':'renamed'}")).ok();
    assertThat(get(s.org(), path(c)).ok().get("schedule")).isEqualTo(other);

    JsonNode dates =
        patch(s.org(), path(c), json("{'schedule':{'blackout_dates':['2027-01-01','2026-12-31']}}"))
            .ok()
            .get("schedule");
    assertThat(dates.get("blackoutDates").toString())
        .isEqualTo(json("['2026-12-31','2027-01-01']"));
    assertThat(dates.get("retryPolicy")).isEqualTo(before.get("retryPolicy"));
    assertThat(columns(c).get("blackout_dates")).isEqualTo("2026-12-31,2027-01-01");

    JsonNode policy =
        patch(s.org(), path(c), json("{'schedule':{'retryPolicy':{'failed':{'retry':false}}}}"))
            .ok()
            .get("schedule");
    assertThat(policy.get("retryPolicy").toString())
        .as("a policy sent replaces the stored one whole")
        .isEqualTo(json("{'failed':{'retry':false}}"));

    JsonNode cleared =
        patch(
                s.org(),
                path(c),
                json("{'schedule':{'retryPolicy':null,'blackoutDates':[],'windowTimezone':null}}"))
            .ok()
            .get("schedule");
    assertThat(cleared.get("retryPolicy").isNull()).isTrue();
    assertThat(cleared.get("blackoutDates").toString()).isEqualTo("[]");
    assertThat(cleared.get("windowTimezone").asString()).isEqualTo("campaign");
    Map<String, Object> stored = columns(c);
    assertThat(stored.get("retry_policy")).isNull();
    assertThat(stored.get("blackout_dates")).isEqualTo("");
    assertThat(stored.get("window_timezone")).isEqualTo("campaign");

    patch(s.org(), path(c), json("{'schedule':{'windowTimezone':'contact'}}")).ok();
    JsonNode nullDates =
        patch(s.org(), path(c), json("{'schedule':{'blackoutDates':null,'retryPolicy':{}}}"))
            .ok()
            .get("schedule");
    assertThat(nullDates.get("blackoutDates").toString()).isEqualTo("[]");
    assertThat(nullDates.get("retryPolicy").isNull()).as("{} is no policy").isTrue();
    assertThat(nullDates.get("windowTimezone").asString()).isEqualTo("contact");
  }

  @Test
  void aRefusedPatchChangesNothing() {
    Setup s = aSetup();
    JsonNode c = created(s, "{'blackoutDates':['2026-12-25'],'retryPolicy':" + POLICY + "}");
    patch(
            s.org(),
            path(c),
            json("{'schedule':{'blackoutDates':['2026-12-26'],'retryPolicy':{'busy':{}}}}"))
        .invalidField("schedule.retryPolicy.busy.retry");
    patch(s.org(), path(c), json("{'schedule':{'blackoutDates':['2026-02-30']}}"))
        .invalidField("schedule.blackoutDates[0]");
    assertThat(get(s.org(), path(c)).ok().get("schedule")).isEqualTo(c.get("schedule"));
  }

  @Test
  void windowTimezoneIsExactlyCampaignOrContact() {
    Setup s = aSetup();
    for (String bad : List.of("'Contact'", "'CAMPAIGN'", "'x'", "''", "' contact'", "1", "true")) {
      rejects(s, "{'windowTimezone':" + bad + "}", "schedule.windowTimezone");
    }
    JsonNode error = rejects(s, "{'window_timezone':'local'}", "schedule.window_timezone");
    assertThat(message(error, "schedule.window_timezone")).isEqualTo("must be campaign or contact");
    assertThat(schedule(s, "{'windowTimezone':'campaign'}").get("windowTimezone").asString())
        .isEqualTo("campaign");
    assertThat(schedule(s, "{'windowTimezone':null}").get("windowTimezone").asString())
        .isEqualTo("campaign");
  }

  @Test
  void blackoutDatesAreAtMost366RealDates() {
    Setup s = aSetup();
    JsonNode most = schedule(s, "{'blackoutDates':" + dates(366) + "}");
    assertThat(most.get("blackoutDates").size()).isEqualTo(366);
    JsonNode c = created(s, "{'blackoutDates':" + dates(366) + "}");
    assertThat(columns(c).get("blackout_dates").toString()).hasSize(366 * 11 - 1);
    JsonNode tooMany = rejects(s, "{'blackoutDates':" + dates(367) + "}", "schedule.blackoutDates");
    assertThat(message(tooMany, "schedule.blackoutDates")).isEqualTo("must have at most 366 dates");

    JsonNode error =
        rejects(
            s,
            "{'blackoutDates':['2026-12-24','2026-12-25','2026-12-26','2026-02-30']}",
            "schedule.blackoutDates[3]");
    assertThat(message(error, "schedule.blackoutDates[3]")).contains("YYYY-MM-DD");
    for (String bad :
        List.of(
            "'2026-13-01'",
            "'2026-1-05'",
            "'26-01-05'",
            "'2026/01/05'",
            "'2026-01-05T00:00:00Z'",
            "' 2026-01-05'",
            "'+12026-01-05'",
            "'2025-02-29'",
            "''",
            "20260105",
            "null")) {
      rejects(s, "{'blackoutDates':['2026-12-24'," + bad + "]}", "schedule.blackoutDates[1]");
    }
    rejects(s, "{'blackout_dates':['2026-12-24','nope']}", "schedule.blackout_dates[1]");
    rejects(s, "{'blackoutDates':'2026-12-24'}", "schedule.blackoutDates");
    assertThat(schedule(s, "{'blackoutDates':['2028-02-29']}").get("blackoutDates").toString())
        .isEqualTo(json("['2028-02-29']"));
    assertThat(schedule(s, "{'blackoutDates':null}").get("blackoutDates").toString())
        .isEqualTo("[]");
  }

  @Test
  void retryPolicyGapsAreOneToTenIntegersOfOneToAWeek() {
    Setup s = aSetup();
    String ten = "[1,2,3,4,5,6,7,8,9,10080]";
    assertThat(
            schedule(s, "{'retryPolicy':{'busy':{'retry':true,'gapsMin':" + ten + "}}}")
                .get("retryPolicy")
                .toString())
        .isEqualTo(json("{'busy':{'retry':true,'gapsMin':" + ten + "}}"));
    rejects(
        s,
        "{'retryPolicy':{'busy':{'retry':true,'gapsMin':[0]}}}",
        "schedule.retryPolicy.busy.gapsMin[0]");
    JsonNode high =
        rejects(
            s,
            "{'retryPolicy':{'busy':{'retry':true,'gapsMin':[1,10081]}}}",
            "schedule.retryPolicy.busy.gapsMin[1]");
    assertThat(message(high, "schedule.retryPolicy.busy.gapsMin[1]"))
        .isEqualTo("must be between 1 and 10080");
    rejects(
        s,
        "{'retryPolicy':{'busy':{'retry':true,'gapsMin':[-5]}}}",
        "schedule.retryPolicy.busy.gapsMin[0]");
    rejects(
        s,
        "{'retryPolicy':{'busy':{'retry':true,'gapsMin':[2.5]}}}",
        "schedule.retryPolicy.busy.gapsMin[0]");
    rejects(
        s,
        "{'retryPolicy':{'busy':{'retry':true,'gapsMin':['5']}}}",
        "schedule.retryPolicy.busy.gapsMin[0]");
    rejects(
        s,
        "{'retryPolicy':{'busy':{'retry':true,'gapsMin':[5,null]}}}",
        "schedule.retryPolicy.busy.gapsMin[1]");
    JsonNode eleven =
        rejects(
            s,
            "{'retryPolicy':{'voicemail':{'retry':true,'gapsMin':[1,2,3,4,5,6,7,8,9,10,11]}}}",
            "schedule.retryPolicy.voicemail.gapsMin");
    assertThat(message(eleven, "schedule.retryPolicy.voicemail.gapsMin"))
        .isEqualTo("must have 1 to 10 gaps");
    rejects(
        s,
        "{'retryPolicy':{'failed':{'retry':true,'gapsMin':[]}}}",
        "schedule.retryPolicy.failed.gapsMin");
    rejects(
        s,
        "{'retryPolicy':{'failed':{'retry':true,'gapsMin':5}}}",
        "schedule.retryPolicy.failed.gapsMin");
    rejects(
        s,
        "{'retry_policy':{'no_answer':{'retry':true,'gaps_min':[0]}}}",
        "schedule.retry_policy.no_answer.gaps_min[0]");
    assertThat(
            schedule(s, "{'retryPolicy':{'busy':{'retry':true,'gapsMin':null}}}")
                .get("retryPolicy")
                .toString())
        .isEqualTo(json("{'busy':{'retry':true}}"));
  }

  @Test
  void retryPolicyRulesNeedABooleanRetryAndOnlyTheFourOutcomes() {
    Setup s = aSetup();
    JsonNode missing =
        rejects(s, "{'retryPolicy':{'busy':{'gapsMin':[5]}}}", "schedule.retryPolicy.busy.retry");
    assertThat(message(missing, "schedule.retryPolicy.busy.retry")).startsWith("is required");
    rejects(
        s, "{'retryPolicy':{'no_answer':{'retry':null}}}", "schedule.retryPolicy.no_answer.retry");
    for (String bad : List.of("'true'", "1", "[]", "{}")) {
      rejects(
          s,
          "{'retryPolicy':{'failed':{'retry':" + bad + "}}}",
          "schedule.retryPolicy.failed.retry");
    }
    JsonNode unknown =
        rejects(
            s,
            "{'retryPolicy':{'busy':{'retry':true},'engaged':{'retry':false}}}",
            "schedule.retryPolicy.engaged");
    assertThat(unknown.get("message").asString()).contains("schedule.retryPolicy.engaged");
    rejects(s, "{'retryPolicy':{'Busy':{'retry':true}}}", "schedule.retryPolicy.Busy");
    rejects(
        s, "{'retryPolicy':{'busy':{'retry':true,'gap':[5]}}}", "schedule.retryPolicy.busy.gap");
    rejects(s, "{'retryPolicy':{'busy':true}}", "schedule.retryPolicy.busy");
    rejects(s, "{'retryPolicy':[]}", "schedule.retryPolicy");
    rejects(s, "{'retryPolicy':'none'}", "schedule.retryPolicy");
    assertThat(schedule(s, "{'retryPolicy':null}").get("retryPolicy").isNull()).isTrue();
    assertThat(
            schedule(s, "{'retryPolicy':{'busy':null,'failed':{'retry':false}}}")
                .get("retryPolicy")
                .toString())
        .as("an outcome sent as null has no rule")
        .isEqualTo(json("{'failed':{'retry':false}}"));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    Setup s = aSetup();
    JsonNode error =
        rejects(
            s,
            "{'windowTimezone':'x','blackoutDates':['2026-1-1'],"
                + "'retryPolicy':{'busy':{'gapsMin':[0]}}}",
            "schedule.windowTimezone");
    assertThat(error.get("errors").findValuesAsString("field"))
        .contains(
            "schedule.windowTimezone",
            "schedule.blackoutDates[0]",
            "schedule.retryPolicy.busy.retry",
            "schedule.retryPolicy.busy.gapsMin[0]");
  }

  @Test
  void anotherOrganizationCannotReadOrChangeThem() {
    Setup s = aSetup();
    JsonNode c =
        created(
            s,
            "{'windowTimezone':'contact','blackoutDates':['2026-12-25'],'retryPolicy':"
                + POLICY
                + "}");
    Setup intruder = aSetup();
    get(intruder.org(), path(c)).error(404, "NOT_FOUND");
    patch(
            intruder.org(),
            path(c),
            json(
                "{'schedule':{'windowTimezone':'campaign','blackoutDates':[],'retryPolicy':null}}"))
        .error(404, "NOT_FOUND");
    assertThat(get(s.org(), path(c)).ok()).isEqualTo(c);
    Map<String, Object> stored = columns(c);
    assertThat(stored.get("window_timezone")).isEqualTo("contact");
    assertThat(stored.get("blackout_dates")).isEqualTo("2026-12-25");
    assertThat(stored.get("retry_policy")).isEqualTo(json(POLICY));
  }
}
