package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.testsupport.ApiResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** A campaign's contacts: add, remove, list, exact stats, and the membership port. */
@RecordApplicationEvents
class CampaignContactsApiTest extends CampaignApiTestBase {

  @Autowired ApplicationEvents events;
  @Autowired CampaignMembership membership;

  private static String ids(String field, List<UUID> ids) {
    return json(
        "{'"
            + field
            + "':["
            + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","))
            + "]}");
  }

  @Test
  void addsNewContactsAndSkipsTheOnesAlreadyIn() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    List<UUID> more = data.contacts(s.org().id(), 2);
    List<UUID> sent = new ArrayList<>(more);
    sent.add(s.contacts().get(0));
    sent.add(more.get(0));
    ApiResult result = post(s.org(), path(c) + "/contacts/", ids("contact_ids", sent));
    JsonNode answer = result.ok();
    assertThat(answer.get("added").asInt()).isEqualTo(2);
    assertThat(answer.get("alreadyInCampaign").asInt()).isEqualTo(1);
    assertThat(answer.get("contactStats").get("total").asInt()).isEqualTo(5);
    assertThat(get(s.org(), path(c)).ok().get("contactStats").get("pending").asInt()).isEqualTo(5);
    assertThat(events.stream(CampaignWorkChanged.class)).isEmpty();
  }

  @Test
  void unknownContactsAreListedAndNothingIsAdded() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    UUID foreign = data.contacts(newOrganization().id(), 1).get(0);
    List<UUID> sent = new ArrayList<>(data.contacts(s.org().id(), 1));
    sent.add(foreign);
    JsonNode error =
        post(s.org(), path(c) + "/contacts", ids("contactIds", sent)).invalidField("contactIds");
    assertThat(error.get("errors").findValuesAsString("message"))
        .containsExactly("unknown contact: " + foreign);
    post(s.org(), path(c) + "/contacts", "{}").invalidField("contactIds");
    assertThat(data.queueSize(id(c))).isEqualTo(3);
  }

  @Test
  void addingToAnActiveCampaignWakesTheEngineAndACompletedOneRefuses() {
    Setup s = aSetup();
    JsonNode c = post(s.org(), path(aDraft(s)) + "/start", null).ok();
    events.clear();
    post(s.org(), path(c) + "/contacts", ids("contactIds", data.contacts(s.org().id(), 1))).ok();
    assertThat(events.stream(CampaignWorkChanged.class))
        .containsExactly(new CampaignWorkChanged(s.org().id(), id(c)));
    post(s.org(), path(c) + "/complete", null).ok();
    post(s.org(), path(c) + "/contacts", ids("contactIds", data.contacts(s.org().id(), 1)))
        .error(409, "CONFLICT");
    delete(s.org(), path(c) + "/contacts", ids("contactIds", s.contacts())).error(409, "CONFLICT");
    assertThat(data.queueSize(id(c))).isEqualTo(4);
  }

  @Test
  void theMembershipPortAddsInBatchesAndChecksTheCampaign() {
    Setup s = aSetup();
    JsonNode c = post(s.org(), "/api/v1/campaigns", createBody(s, List.of(), "")).ok();
    List<UUID> many = data.contacts(s.org().id(), 500 + 20);
    membership.requireOpenCampaign(s.org().id(), id(c));
    assertThat(membership.addContacts(s.org().id(), id(c), many)).isEqualTo(many.size());
    assertThat(membership.addContacts(s.org().id(), id(c), many.subList(0, 10))).isZero();
    assertThat(get(s.org(), path(c)).ok().get("contactStats").get("total").asInt())
        .isEqualTo(many.size());
    TestOrg other = newOrganization();
    assertThatThrownBy(() -> membership.requireOpenCampaign(other.id(), id(c)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> membership.addContacts(other.id(), id(c), many))
        .isInstanceOf(NotFoundException.class);
    post(s.org(), path(c) + "/complete", null).ok();
    assertThatThrownBy(() -> membership.requireOpenCampaign(s.org().id(), id(c)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void removesIdleContactsAndKeepsTheOnesInACall() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    UUID inCall = s.contacts().get(0);
    data.setQueueState(id(c), inCall, "in_progress", 1);
    UUID stranger = UUID.randomUUID();
    List<UUID> sent = new ArrayList<>(s.contacts().subList(0, 2));
    sent.add(stranger);
    JsonNode answer = delete(s.org(), path(c) + "/contacts/", ids("contactIds", sent)).ok();
    assertThat(answer.get("removed").toString()).isEqualTo("[\"" + s.contacts().get(1) + "\"]");
    assertThat(answer.get("kept").toString()).isEqualTo("[\"" + inCall + "\"]");
    assertThat(answer.get("notInCampaign").toString()).isEqualTo("[\"" + stranger + "\"]");
    assertThat(data.queueSize(id(c))).isEqualTo(2);
    delete(s.org(), path(c) + "/contacts", json("{'contactIds':['x']}")).invalidField("contactIds");
  }

  @Test
  void contactStatsAreExactForEveryState() {
    Setup s = aSetup();
    List<UUID> six = data.contacts(s.org().id(), 6);
    JsonNode c = post(s.org(), "/api/v1/campaigns", createBody(s, six, "")).ok();
    data.setQueueState(id(c), six.get(0), "successful", 1);
    data.setQueueState(id(c), six.get(1), "in_progress", 1);
    data.setQueueState(id(c), six.get(2), "in_progress", 2);
    data.setQueueState(id(c), six.get(3), "no_answer", 3);
    data.setQueueState(id(c), six.get(4), "failed", 1);
    data.setQueueState(id(c), six.get(5), "pending", 1);
    assertThat(get(s.org(), path(c)).ok().get("contactStats").toString())
        .isEqualTo(
            "{\"total\":6,\"contacted\":5,\"successful\":1,\"failed\":1,\"noAnswer\":1,"
                + "\"pending\":1,\"inProgress\":2}");
  }

  private static JsonNode item(JsonNode items, UUID contactId) {
    for (JsonNode item : items) {
      if (item.get("id").asString().equals(contactId.toString())) {
        return item;
      }
    }
    throw new AssertionError("no item " + contactId + " in " + items);
  }

  @Test
  void listsTheCampaignsContactsWithStatusFilterAndPaging() {
    Setup s = aSetup();
    JsonNode c = aDraft(s);
    data.setQueueState(id(c), s.contacts().get(1), "no_answer", 2);
    ApiResult all = get(s.org(), path(c) + "/contacts/");
    JsonNode items = all.ok();
    assertThat(items).hasSize(3);
    assertThat(all.json().get("meta").toString())
        .isEqualTo("{\"total\":3,\"limit\":50,\"offset\":0}");
    JsonNode first = item(items, s.contacts().get(0));
    assertThat(new LinkedHashSet<>(first.propertyNames()))
        .isEqualTo(
            Set.of(
                "id",
                "firstName",
                "lastName",
                "email",
                "phone",
                "status",
                "attempts",
                "lastOutcome",
                "lastReason",
                "nextAttemptAt",
                "waitingFor",
                "duration",
                "updatedAt"));
    assertThat(items.findValuesAsString("id"))
        .containsExactlyInAnyOrderElementsOf(s.contacts().stream().map(UUID::toString).toList());
    assertThat(first.get("firstName").asString()).startsWith("First");
    assertThat(first.get("phone").asString()).startsWith("+1202");
    assertThat(first.get("status").asString()).isEqualTo("pending");
    assertThat(first.get("attempts").asInt()).isZero();
    assertThat(first.get("lastOutcome").isNull()).isTrue();
    assertThat(first.get("nextAttemptAt").isNull()).isTrue();
    assertThat(first.get("lastReason").isNull()).isTrue();
    assertThat(first.get("waitingFor").isNull()).as("a draft's contacts do not wait").isTrue();
    assertThat(first.get("duration").isNull()).isTrue();

    JsonNode noAnswer = get(s.org(), path(c) + "/contacts?status=NO_ANSWER").ok();
    assertThat(noAnswer).hasSize(1);
    assertThat(noAnswer.get(0).get("attempts").asInt()).isEqualTo(2);
    assertThat(noAnswer.get(0).get("duration").asInt()).isEqualTo(12);
    assertThat(noAnswer.get(0).get("lastOutcome").asString()).isEqualTo("no_answer");
    ApiResult page = get(s.org(), path(c) + "/contacts?limit=1&offset=2");
    assertThat(page.ok().get(0)).isEqualTo(items.get(2));
    assertThat(page.json().get("meta").toString())
        .isEqualTo("{\"total\":3,\"limit\":1,\"offset\":2}");
    get(s.org(), path(c) + "/contacts?status=done").invalidField("status");
    get(s.org(), "/api/v1/campaigns/" + UUID.randomUUID() + "/contacts").error(404, "NOT_FOUND");
  }
}
