package ai.agni.campaigns.organization;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiResult;
import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET} and {@code PATCH /api/v1/organization} (docs/api.md §12.2). */
class OrganizationRulesApiTest extends ApiTestSupport {

  private static final String PATH = "/api/v1/organization";

  @Autowired JdbcClient jdbc;

  @Test
  void getShowsTheCallersOrganizationWithNoRulesByDefault() {
    TestOrg org = newOrganization();
    JsonNode data = get(org, PATH).ok();
    assertThat(data.propertyNames())
        .containsExactly(
            "id",
            "name",
            "default_region",
            "outbound_max_concurrent",
            "outbound_max_cps",
            "calling_hours",
            "frequency_caps",
            "created_at");
    assertThat(data.get("id").asString()).isEqualTo(org.id().toString());
    assertThat(data.get("name").asString()).startsWith("Org ");
    assertThat(data.get("default_region").asString()).isEqualTo("US");
    assertThat(data.get("outbound_max_concurrent").asInt()).isEqualTo(100);
    assertThat(data.get("outbound_max_cps").asDouble()).isEqualTo(10.0);
    assertThat(data.get("calling_hours").isNull()).isTrue();
    assertThat(data.get("frequency_caps").isArray()).isTrue();
    assertThat(data.get("frequency_caps")).isEmpty();
    assertThat(data.get("created_at").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(storedCaps(org)).isEqualTo("[]");
  }

  @Test
  void patchThenGetRoundTripsAndStoresTheCapsAsTheApiShowsThem() {
    TestOrg org = newOrganization();
    JsonNode patched =
        patch(
                org,
                PATH,
                json(
                    "{'name':' Acme Health ','default_region':'gb',"
                        + "'calling_hours':{'start':'08:00','end':'21:00'},"
                        + "'frequency_caps':[{'max_calls':2,'per_hours':24},"
                        + "{'max_calls':5,'per_hours':168}]}"))
            .ok();
    JsonNode read = get(org, PATH).ok();
    assertThat(read).isEqualTo(patched);
    assertThat(read.get("name").asString()).isEqualTo("Acme Health");
    assertThat(read.get("default_region").asString()).isEqualTo("GB");
    assertThat(read.get("calling_hours").toString())
        .isEqualTo(json("{'start':'08:00','end':'21:00'}"));
    assertThat(read.get("frequency_caps").toString())
        .isEqualTo(json("[{'max_calls':2,'per_hours':24},{'max_calls':5,'per_hours':168}]"));
    assertThat(storedCaps(org))
        .isEqualTo(json("[{'max_calls':2,'per_hours':24},{'max_calls':5,'per_hours':168}]"));
    assertThat(
            jdbc.sql(
                    "SELECT calling_hours_start || '-' || calling_hours_end FROM organizations"
                        + " WHERE id = ?")
                .param(org.id())
                .query(String.class)
                .single())
        .isEqualTo("08:00-21:00");
  }

  @Test
  void camelCaseIsAcceptedToo() {
    TestOrg org = newOrganization();
    patch(
            org,
            PATH,
            json(
                "{'defaultRegion':'DE','callingHours':{'start':'22:00','end':'06:30'},"
                    + "'frequencyCaps':[{'maxCalls':3,'perHours':1}]}"))
        .ok();
    JsonNode read = get(org, PATH).ok();
    assertThat(read.get("default_region").asString()).isEqualTo("DE");
    assertThat(read.get("calling_hours").toString())
        .isEqualTo(json("{'start':'22:00','end':'06:30'}"));
    assertThat(storedCaps(org)).isEqualTo(json("[{'max_calls':3,'per_hours':1}]"));
    // mixed casings inside one body
    patch(org, PATH, json("{'frequency_caps':[{'maxCalls':4,'per_hours':2}]}")).ok();
    assertThat(storedCaps(org)).isEqualTo(json("[{'max_calls':4,'per_hours':2}]"));
    patch(org, PATH, json("{'frequencyCaps':[],'frequency_caps':[]}"))
        .invalidField("frequencyCaps");
  }

  @Test
  void absentFieldsStayExplicitNullClearsCallingHoursAndEmptyArrayClearsCaps() {
    TestOrg org = newOrganization();
    patch(
            org,
            PATH,
            json(
                "{'calling_hours':{'start':'08:00','end':'21:00'},"
                    + "'frequency_caps':[{'max_calls':2,'per_hours':24}]}"))
        .ok();
    JsonNode unchanged = patch(org, PATH, "{}").ok();
    assertThat(unchanged.get("calling_hours").isNull()).isFalse();
    assertThat(unchanged.get("frequency_caps")).hasSize(1);

    JsonNode onlyName = patch(org, PATH, json("{'name':'Renamed'}")).ok();
    assertThat(onlyName.get("calling_hours").get("start").asString()).isEqualTo("08:00");
    assertThat(onlyName.get("frequency_caps")).hasSize(1);

    JsonNode cleared = patch(org, PATH, json("{'calling_hours':null}")).ok();
    assertThat(cleared.get("calling_hours").isNull()).isTrue();
    assertThat(cleared.get("frequency_caps")).hasSize(1);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM organizations WHERE id = ?"
                        + " AND calling_hours_start IS NULL AND calling_hours_end IS NULL")
                .param(org.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    JsonNode noCaps = patch(org, PATH, json("{'frequency_caps':[]}")).ok();
    assertThat(noCaps.get("frequency_caps")).isEmpty();
    assertThat(storedCaps(org)).isEqualTo("[]");
    assertThat(get(org, PATH).ok().get("name").asString()).isEqualTo("Renamed");
  }

  @Test
  void frequencyCapRangesAndCount() {
    TestOrg org = newOrganization();
    for (String good : List.of("1,1", "10000,8760", "1,8760", "10000,1")) {
      String[] v = good.split(",");
      patch(org, PATH, caps(v[0], v[1])).ok();
      assertThat(storedCaps(org))
          .isEqualTo("[{\"max_calls\":" + v[0] + ",\"per_hours\":" + v[1] + "}]");
    }
    for (String bad : List.of("0", "10001", "-1", "2.5", "'2'", "true", "null", "99999999999")) {
      patch(org, PATH, caps(bad, "24")).invalidField("frequency_caps[0].max_calls");
    }
    for (String bad : List.of("0", "8761", "-5", "1.5", "'24'", "null")) {
      patch(org, PATH, caps("2", bad)).invalidField("frequency_caps[0].per_hours");
    }
    patch(org, PATH, json("{'frequency_caps':[{'per_hours':24}]}"))
        .invalidField("frequency_caps[0].maxCalls");
    patch(org, PATH, json("{'frequency_caps':[{'max_calls':2}]}"))
        .invalidField("frequency_caps[0].perHours");
    patch(
            org,
            PATH,
            json("{'frequencyCaps':[{'maxCalls':2,'perHours':1},{'maxCalls':0,'perHours':1}]}"))
        .invalidField("frequencyCaps[1].maxCalls");

    String five = "{'max_calls':1,'per_hours':1}" + ",{'max_calls':1,'per_hours':1}".repeat(4);
    patch(org, PATH, json("{'frequency_caps':[" + five + "]}")).ok();
    assertThat(get(org, PATH).ok().get("frequency_caps")).hasSize(5);
    String six = five + ",{'max_calls':1,'per_hours':1}";
    patch(org, PATH, json("{'frequency_caps':[" + six + "]}")).invalidField("frequency_caps");
    assertThat(get(org, PATH).ok().get("frequency_caps")).hasSize(5);

    patch(org, PATH, json("{'frequency_caps':{'max_calls':1,'per_hours':1}}"))
        .invalidField("frequency_caps");
    patch(org, PATH, json("{'frequency_caps':[null]}")).invalidField("frequency_caps[0]");
    patch(org, PATH, json("{'frequency_caps':[2]}")).invalidField("frequency_caps[0]");
    patch(org, PATH, json("{'frequency_caps':[{'max_calls':1,'per_hours':1,'per_days':1}]}"))
        .invalidField("frequency_caps[0].per_days");
    // null removes them, like []
    patch(org, PATH, json("{'frequency_caps':null}")).ok();
    assertThat(storedCaps(org)).isEqualTo("[]");
  }

  @Test
  void callingHoursAreHhMmAndStartDiffersFromEnd() {
    TestOrg org = newOrganization();
    for (String good : List.of("00:00,23:59", "23:59,00:00", "21:00,08:00", "08:00,08:01")) {
      String[] v = good.split(",");
      JsonNode data = patch(org, PATH, hours("'" + v[0] + "'", "'" + v[1] + "'")).ok();
      assertThat(data.get("calling_hours").get("start").asString()).isEqualTo(v[0]);
      assertThat(data.get("calling_hours").get("end").asString()).isEqualTo(v[1]);
    }
    for (String bad :
        List.of("'24:00'", "'8:00'", "'aa'", "'08:60'", "'08:00:00'", "''", "' 08:00'", "800")) {
      patch(org, PATH, hours(bad, "'21:00'")).invalidField("calling_hours.start");
      patch(org, PATH, hours("'08:00'", bad)).invalidField("calling_hours.end");
    }
    JsonNode same = patch(org, PATH, hours("'09:00'", "'09:00'")).invalidField("calling_hours.end");
    assertThat(same.get("message").asString()).contains("differ");
    patch(org, PATH, json("{'calling_hours':{'end':'21:00'}}")).invalidField("calling_hours.start");
    patch(org, PATH, json("{'calling_hours':{'start':'08:00'}}")).invalidField("calling_hours.end");
    patch(org, PATH, json("{'calling_hours':{'start':null,'end':'21:00'}}"))
        .invalidField("calling_hours.start");
    patch(org, PATH, json("{'callingHours':{}}")).invalidField("callingHours.start");
    patch(org, PATH, json("{'calling_hours':'08:00-21:00'}")).invalidField("calling_hours");
    patch(org, PATH, json("{'calling_hours':{'start':'08:00','end':'21:00','zone':'UTC'}}"))
        .invalidField("calling_hours.zone");
    // none of the refused bodies changed anything
    assertThat(get(org, PATH).ok().get("calling_hours").toString())
        .isEqualTo(json("{'start':'08:00','end':'08:01'}"));
  }

  @Test
  void nameAndRegionFollowTheRulesOfCreation() {
    TestOrg org = newOrganization();
    patch(org, PATH, json("{'name':''}")).invalidField("name");
    patch(org, PATH, json("{'name':'   '}")).invalidField("name");
    patch(org, PATH, json("{'name':null}")).invalidField("name");
    patch(org, PATH, json("{'name':7}")).invalidField("name");
    patch(org, PATH, "{\"name\":\"" + "x".repeat(201) + "\"}").invalidField("name");
    patch(org, PATH, "{\"name\":\"" + "x".repeat(200) + "\"}").ok();
    patch(org, PATH, json("{'default_region':'ZZ'}")).invalidField("default_region");
    patch(org, PATH, json("{'defaultRegion':'nowhere'}")).invalidField("defaultRegion");
    patch(org, PATH, json("{'default_region':' in '}")).ok();
    assertThat(get(org, PATH).ok().get("default_region").asString()).isEqualTo("IN");
    patch(org, PATH, json("{'default_region':null}")).ok();
    assertThat(get(org, PATH).ok().get("default_region").asString()).isEqualTo("US");
  }

  @Test
  void theRegionChangeAppliesToTheNextRequestsOfTheKey() {
    TestOrg org = newOrganization();
    patch(org, PATH, json("{'default_region':'GB'}")).ok();
    JsonNode dnc = post(org, "/api/v1/dnc", json("{'phones':['020 7946 0018']}")).ok();
    assertThat(dnc.toString()).contains("+442079460018");
  }

  @Test
  void outboundCapsChangeOnlyThroughTheAdminApi() {
    TestOrg org = newOrganization();
    for (String field :
        List.of(
            "outbound_max_concurrent",
            "outboundMaxConcurrent",
            "outbound_max_cps",
            "outboundMaxCps")) {
      for (String value : List.of("5", "null", "100")) {
        JsonNode body =
            patch(org, PATH, "{\"name\":\"X\",\"" + field + "\":" + value + "}")
                .invalidField(field);
        assertThat(body.get("message").asString()).contains("admin API", "/api/v1/admin/");
      }
    }
    JsonNode data = get(org, PATH).ok();
    assertThat(data.get("outbound_max_concurrent").asInt()).isEqualTo(100);
    assertThat(data.get("name").asString()).startsWith("Org ");
  }

  @Test
  void readOnlyFieldsAreIgnoredAndUnknownFieldsRefused() {
    TestOrg org = newOrganization();
    JsonNode before = get(org, PATH).ok();
    String otherId = UUID.randomUUID().toString();
    JsonNode after =
        patch(
                org,
                PATH,
                json("{'id':'" + otherId + "','created_at':'2000-01-01T00:00:00Z','name':'Y'}"))
            .ok();
    assertThat(after.get("id")).isEqualTo(before.get("id"));
    assertThat(after.get("created_at")).isEqualTo(before.get("created_at"));
    assertThat(after.get("name").asString()).isEqualTo("Y");
    patch(org, PATH, json("{'createdAt':5,'id':null}")).ok();

    JsonNode unknown = patch(org, PATH, json("{'calling_hour':null}")).invalidField("calling_hour");
    assertThat(unknown.get("message").asString()).contains("is not a known field");
    patch(org, PATH, json("{'webhook_secret':'x'}")).invalidField("webhook_secret");
  }

  @Test
  void theBodyMustBeAJsonObject() {
    TestOrg org = newOrganization();
    for (String body : List.of("[]", "1", "\"x\"", "null", "true")) {
      patch(org, PATH, body).invalidField("body");
    }
    assertThat(patch(org, PATH, "{").status()).isEqualTo(400);
    assertThat(patch(org, PATH, "").status()).isEqualTo(400);
    assertThat(get(org, PATH).ok().get("calling_hours").isNull()).isTrue();
  }

  @Test
  void aMissingOrWrongKeyIs401() {
    get(null, PATH).error(401, "UNAUTHORIZED");
    patch(null, PATH, json("{'name':'x'}")).error(401, "UNAUTHORIZED");
    TestOrg wrong = new TestOrg(null, "agni_nope");
    get(wrong, PATH).error(401, "UNAUTHORIZED");
    patch(wrong, PATH, json("{'frequency_caps':[]}")).error(401, "UNAUTHORIZED");
    // the admin token is not an API key
    ApiResult admin =
        perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(PATH)
                .header("X-Admin-Token", "test-admin-token"));
    admin.error(401, "UNAUTHORIZED");
  }

  @Test
  void oneOrganizationNeverReadsOrChangesAnothersRules() {
    TestOrg a = newOrganization();
    TestOrg b = newOrganization();
    patch(
            b,
            PATH,
            json(
                "{'calling_hours':{'start':'09:00','end':'17:00'},"
                    + "'frequency_caps':[{'max_calls':1,'per_hours':48}]}"))
        .ok();
    JsonNode bBefore = get(b, PATH).ok();

    JsonNode aAfter =
        patch(
                a,
                PATH,
                json(
                    "{'id':'"
                        + b.id()
                        + "','name':'A only',"
                        + "'calling_hours':{'start':'08:00','end':'21:00'},"
                        + "'frequency_caps':[{'max_calls':3,'per_hours':24}]}"))
            .ok();
    assertThat(aAfter.get("id").asString()).isEqualTo(a.id().toString());

    JsonNode bAfter = get(b, PATH).ok();
    assertThat(bAfter).isEqualTo(bBefore);
    assertThat(bAfter.get("id").asString()).isEqualTo(b.id().toString());
    assertThat(bAfter.get("calling_hours").get("start").asString()).isEqualTo("09:00");
    assertThat(storedCaps(b)).isEqualTo(json("[{'max_calls':1,'per_hours':48}]"));
    assertThat(storedCaps(a)).isEqualTo(json("[{'max_calls':3,'per_hours':24}]"));
    assertThat(get(a, PATH).ok().get("name").asString()).isEqualTo("A only");
    assertThat(get(a, PATH + "?id=" + b.id()).ok().get("id").asString())
        .isEqualTo(a.id().toString());
    assertThat(call(HttpMethod.GET, PATH + "/" + b.id(), a, null).status()).isEqualTo(404);
  }

  @Test
  void theAdminCreationShowsTheDefaultRules() {
    ApiResult created =
        perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/v1/admin/organizations")
                .header("X-Admin-Token", "test-admin-token")
                .contentType("application/json")
                .content(json("{'name':'Admin made'}")));
    JsonNode org = created.ok().get("organization");
    assertThat(org.get("calling_hours").isNull()).isTrue();
    assertThat(org.get("frequency_caps")).isEmpty();
    TestOrg made =
        new TestOrg(
            UUID.fromString(org.get("id").asString()), created.ok().get("api_key").asString());
    assertThat(get(made, PATH).ok()).isEqualTo(org);
  }

  @Test
  void anAdminCreatedNameLongerThanItsColumnIs400NotAServerError() {
    for (int length : new int[] {200, 201, 500}) {
      ApiResult created =
          perform(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                      "/api/v1/admin/organizations")
                  .header("X-Admin-Token", "test-admin-token")
                  .contentType("application/json")
                  .content("{\"name\":\"" + "n".repeat(length) + "\"}"));
      if (length <= 200) {
        assertThat(created.ok().get("organization").get("name").asString()).hasSize(length);
      } else {
        created.invalidField("name");
      }
    }
  }

  private String storedCaps(TestOrg org) {
    return jdbc.sql("SELECT frequency_caps FROM organizations WHERE id = ?")
        .param(org.id())
        .query(String.class)
        .single();
  }

  private static String caps(String maxCalls, String perHours) {
    return json("{'frequency_caps':[{'max_calls':" + maxCalls + ",'per_hours':" + perHours + "}]}");
  }

  private static String hours(String start, String end) {
    return json("{'calling_hours':{'start':" + start + ",'end':" + end + "}}");
  }
}
