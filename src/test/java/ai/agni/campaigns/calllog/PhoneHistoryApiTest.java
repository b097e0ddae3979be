package ai.agni.campaigns.calllog;

import static ai.agni.campaigns.calllog.CallRows.aBusyCall;
import static ai.agni.campaigns.calllog.CallRows.aCompletedCall;
import static ai.agni.campaigns.calllog.CallRows.aNoAnswerCall;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class PhoneHistoryApiTest extends ApiTestSupport {

  static final String HISTORY = "/api/v1/calling/phone-history";
  static final Instant T0 = Instant.parse("2026-03-20T10:30:00Z");
  static final String BOB = "+14155550123";

  @Autowired JdbcClient jdbc;

  @Test
  void listsTheCallsToOneNumberNewestFirst() {
    TestOrg org = newOrganization();
    UUID first = aNoAnswerCall(org.id(), T0).to(BOB).insert(jdbc);
    UUID second = aBusyCall(org.id(), T0.plusSeconds(1800)).to(BOB).attempt(2).insert(jdbc);
    UUID third = aCompletedCall(org.id(), T0.plusSeconds(3600)).to(BOB).attempt(3).insert(jdbc);
    aCompletedCall(org.id(), T0.plusSeconds(60)).to("+14155550124").insert(jdbc);
    aCompletedCall(org.id(), T0.plusSeconds(60)).from(BOB).insert(jdbc);

    JsonNode data = get(org, HISTORY + "?phone=" + BOB).ok();
    assertThat(data.propertyNames()).containsExactly("callSessions", "total", "page", "page_size");
    assertThat(ids(data)).containsExactly(third, second, first);
    assertThat(data.get("total").asLong()).isEqualTo(3);
    assertThat(data.get("callSessions").get(0).get("callee_number").asString()).isEqualTo(BOB);
    assertThat(ids(get(org, HISTORY + "/?phone=(415) 555-0123").ok()))
        .containsExactly(third, second, first);
  }

  @Test
  void pagesThroughTheHistory() {
    TestOrg org = newOrganization();
    UUID first = aCompletedCall(org.id(), T0).to(BOB).insert(jdbc);
    UUID second = aCompletedCall(org.id(), T0.plusSeconds(1)).to(BOB).insert(jdbc);
    UUID third = aCompletedCall(org.id(), T0.plusSeconds(2)).to(BOB).insert(jdbc);

    JsonNode page1 = get(org, HISTORY + "?phone=" + BOB + "&page=1&page_size=2").ok();
    assertThat(ids(page1)).containsExactly(third, second);
    assertThat(page1.get("page_size").asInt()).isEqualTo(2);
    JsonNode page2 = get(org, HISTORY + "?phone=" + BOB + "&page=2&pageSize=2").ok();
    assertThat(ids(page2)).containsExactly(first);
    assertThat(page2.get("page").asInt()).isEqualTo(2);
    assertThat(page2.get("total").asLong()).isEqualTo(3);
  }

  @Test
  void phoneIsRequiredAndMustBeValid() {
    TestOrg org = newOrganization();
    get(org, HISTORY).invalidField("phone");
    get(org, HISTORY + "?phone=").invalidField("phone");
    get(org, HISTORY + "?phone=12345").invalidField("phone");
    get(org, HISTORY + "?phone=" + BOB + "&page=0").invalidField("page");
    get(org, HISTORY + "?phone=" + BOB + "&page_size=5000").invalidField("page_size");
  }

  @Test
  void anotherOrganizationsCallsToTheSameNumberAreInvisible() {
    TestOrg owner = newOrganization();
    TestOrg other = newOrganization();
    UUID mine = aCompletedCall(owner.id(), T0).to(BOB).insert(jdbc);
    aCompletedCall(other.id(), T0).to(BOB).insert(jdbc);

    assertThat(ids(get(owner, HISTORY + "?phone=" + BOB).ok())).containsExactly(mine);
  }

  private static List<UUID> ids(JsonNode data) {
    List<UUID> ids = new ArrayList<>();
    data.get("callSessions").forEach(s -> ids.add(UUID.fromString(s.get("session_id").asString())));
    return ids;
  }
}
