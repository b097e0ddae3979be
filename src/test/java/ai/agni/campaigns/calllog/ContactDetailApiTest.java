package ai.agni.campaigns.calllog;

import static ai.agni.campaigns.calllog.CallRows.aCompletedCall;
import static ai.agni.campaigns.calllog.CallRows.aNoAnswerCall;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ContactDetailApiTest extends ApiTestSupport {

  static final Instant T0 = Instant.parse("2026-03-20T10:30:00Z");
  static final String ADA = "+442071838750";

  @Autowired JdbcClient jdbc;

  @Test
  void showsTheContactInSnakeCaseWithItsRecentCalls() {
    TestOrg org = newOrganization();
    UUID contact = ContactRows.aContact(jdbc, org.id(), ADA);
    UUID first = aNoAnswerCall(org.id(), T0).forContact(contact).to(ADA).insert(jdbc);
    UUID second =
        aCompletedCall(org.id(), T0.plusSeconds(1800)).forContact(contact).to(ADA).insert(jdbc);

    JsonNode data = get(org, "/api/v1/contacts/" + contact + "/detail").ok();
    assertThat(data.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "company",
            "timezone",
            "metadata",
            "tags",
            "notes",
            "created_at",
            "updated_at",
            "recentCalls");
    assertThat(data.get("id").asString()).isEqualTo(contact.toString());
    assertThat(data.get("first_name").asString()).isEqualTo("Ada");
    assertThat(data.get("last_name").asString()).isEqualTo("Lovelace");
    assertThat(data.get("email").asString()).isEqualTo("ada@example.com");
    assertThat(data.get("phone").asString()).isEqualTo(ADA);
    assertThat(data.get("company").asString()).isEqualTo("Analytical");
    assertThat(data.get("timezone").asString()).isEqualTo("Europe/London");
    assertThat(data.get("metadata").get("plan").asString()).isEqualTo("gold");
    assertThat(data.get("metadata").get("seats").asInt()).isEqualTo(3);
    assertThat(data.get("tags").isArray()).isTrue();
    assertThat(data.get("tags").get(1).asString()).isEqualTo("beta");
    assertThat(data.get("notes").asString()).isEqualTo("call mornings");
    assertThat(data.get("created_at").asString()).isEqualTo("2026-03-01T08:00:00Z");
    assertThat(data.get("updated_at").asString()).isEqualTo("2026-03-01T09:00:00Z");
    assertThat(ids(data)).containsExactly(second, first);
    assertThat(data.get("recentCalls").get(0).get("started_at").asString())
        .isEqualTo("2026-03-20T11:00:00.000Z");
  }

  @Test
  void recentCallsAreTheLastTwenty() {
    TestOrg org = newOrganization();
    UUID contact = ContactRows.aContact(jdbc, org.id(), ADA);
    List<UUID> newestFirst = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      newestFirst.add(
          aNoAnswerCall(org.id(), T0.plusSeconds(60L * i))
              .forContact(contact)
              .attempt(i + 1)
              .insert(jdbc));
    }
    Collections.reverse(newestFirst);
    aCompletedCall(org.id(), T0.plusSeconds(9999)).forContact(UUID.randomUUID()).insert(jdbc);

    JsonNode data = get(org, "/api/v1/contacts/" + contact + "/detail/").ok();
    assertThat(ids(data)).containsExactlyElementsOf(newestFirst.subList(0, 20));
  }

  @Test
  void aContactWithoutCallsHasAnEmptyList() {
    TestOrg org = newOrganization();
    UUID contact = ContactRows.aContact(jdbc, org.id(), ADA);
    JsonNode data = get(org, "/api/v1/contacts/" + contact + "/detail").ok();
    assertThat(data.get("recentCalls").isArray()).isTrue();
    assertThat(data.get("recentCalls")).isEmpty();
  }

  @Test
  void anotherOrganizationsUnknownAndMalformedContactsAre404() {
    TestOrg owner = newOrganization();
    TestOrg other = newOrganization();
    UUID contact = ContactRows.aContact(jdbc, owner.id(), ADA);
    aCompletedCall(owner.id(), T0).forContact(contact).insert(jdbc);

    get(other, "/api/v1/contacts/" + contact + "/detail").error(404, "NOT_FOUND");
    get(owner, "/api/v1/contacts/" + UUID.randomUUID() + "/detail").error(404, "NOT_FOUND");
    get(owner, "/api/v1/contacts/not-a-uuid/detail").error(404, "NOT_FOUND");
    get(null, "/api/v1/contacts/" + contact + "/detail").error(401, "UNAUTHORIZED");
  }

  private static List<UUID> ids(JsonNode data) {
    List<UUID> ids = new ArrayList<>();
    data.get("recentCalls").forEach(s -> ids.add(UUID.fromString(s.get("session_id").asString())));
    return ids;
  }
}
