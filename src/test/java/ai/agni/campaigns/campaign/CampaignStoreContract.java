package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.campaign.schedule.RetryRules;
import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.queue.ContactStats;
import ai.agni.campaigns.queue.QueueRepository;
import ai.agni.campaigns.queue.QueueState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The campaign store's contract (create, read, version-guarded update and delete, exact stats,
 * idempotent membership), run on each database by a nearly empty subclass.
 */
@SpringBootTest(
    properties = {
      "agni.dialer.enabled=false",
      "agni.admin-token=test-admin-token",
      "agni.data-dir=target/test-data"
    })
abstract class CampaignStoreContract {

  private static final Instant T0 = Instant.parse("2026-03-20T10:30:00.123456Z");

  @Autowired CampaignRepository campaigns;
  @Autowired QueueRepository queue;
  @Autowired OrganizationService organizations;
  @Autowired JdbcClient jdbc;

  CampaignTestData data;
  UUID org;

  @BeforeEach
  void anOrganization() {
    data = new CampaignTestData(jdbc);
    org = organizations.create("Store " + UUID.randomUUID(), "US", 100, 10).organization().id();
  }

  private Campaign aDraft(String name) {
    Schedule schedule =
        new Schedule(
            T0,
            T0.plusSeconds(86_400),
            "22:00",
            "06:00",
            List.of(0, 6),
            "Asia/Dubai",
            7,
            3,
            45,
            "contact",
            List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-24")),
            RetryRules.parse("{\"busy\":{\"retry\":true,\"gapsMin\":[5,60]}}"));
    return new Campaign(
        Ids.newId(),
        org,
        name,
        data.anActiveAgent(org),
        UUID.randomUUID(),
        "+14155550100",
        CampaignStatus.DRAFT,
        schedule,
        null,
        2.5,
        null,
        null,
        T0,
        T0,
        0);
  }

  @Test
  void storesAndReadsEveryColumnWithMicrosecondInstants() {
    Campaign draft = aDraft("Roundtrip");
    campaigns.insert(draft);
    assertThat(campaigns.find(org, draft.id())).contains(draft);
    assertThat(campaigns.find(UUID.randomUUID(), draft.id())).isEmpty();
  }

  @Test
  void updatesOnlyFromTheExpectedVersion() {
    Campaign draft = aDraft("Guarded");
    campaigns.insert(draft);
    Campaign renamed = copy(draft, "Renamed", CampaignStatus.ACTIVE, 1);
    assertThat(campaigns.update(renamed)).isTrue();
    Campaign stale = copy(draft, "Stale", CampaignStatus.PAUSED, 1);
    assertThat(campaigns.update(stale)).isFalse();
    Campaign foreign =
        new Campaign(
            draft.id(),
            UUID.randomUUID(),
            "x",
            draft.agentId(),
            draft.phoneNumberId(),
            draft.fromPhoneNumber(),
            CampaignStatus.PAUSED,
            draft.schedule(),
            null,
            null,
            null,
            null,
            T0,
            T0,
            2);
    assertThat(campaigns.update(foreign)).isFalse();
    assertThat(campaigns.find(org, draft.id())).contains(renamed);
    assertThat(campaigns.claimForDelete(org, draft.id(), 0)).isFalse();
    assertThat(campaigns.claimForDelete(org, draft.id(), 1)).isTrue();
    campaigns.delete(org, draft.id());
    assertThat(campaigns.find(org, draft.id())).isEmpty();
  }

  private static Campaign copy(Campaign c, String name, CampaignStatus status, long version) {
    return new Campaign(
        c.id(),
        c.organizationId(),
        name,
        c.agentId(),
        c.phoneNumberId(),
        c.fromPhoneNumber(),
        status,
        c.schedule(),
        10,
        null,
        T0.plusSeconds(1),
        null,
        c.createdAt(),
        T0.plusSeconds(1),
        version);
  }

  @Test
  void listsCountsAndSearchesWithinTheOrganization() {
    for (String name : List.of("Alpha", "beta_1", "Gamma")) {
      campaigns.insert(aDraft(name));
    }
    assertThat(campaigns.count(org, null, null)).isEqualTo(3);
    assertThat(campaigns.count(org, CampaignStatus.ACTIVE, null)).isZero();
    assertThat(campaigns.list(org, null, "P_", new PageParams(PageParams.DEFAULT_LIMIT, 0)))
        .isEmpty();
    assertThat(campaigns.count(org, null, "A_")).isEqualTo(1);
    assertThat(campaigns.list(org, CampaignStatus.DRAFT, "ALP", new PageParams(1, 0)))
        .extracting(Campaign::name)
        .containsExactly("Alpha");
  }

  @Test
  void membershipIsIdempotentAndStatsAreExact() {
    Campaign draft = aDraft("Stats");
    campaigns.insert(draft);
    queue.create(org, draft.id());
    List<UUID> contacts = data.contacts(org, 5);
    assertThat(queue.add(org, draft.id(), contacts, T0, false)).isEqualTo(5);
    assertThat(queue.add(org, draft.id(), contacts.subList(0, 2), T0, false)).isZero();
    assertThat(queue.stats(org, draft.id())).isEqualTo(new ContactStats(5, 0, 0, 0, 0, 5, 0));
    data.setQueueState(draft.id(), contacts.get(0), "in_progress", 1);
    data.setQueueState(draft.id(), contacts.get(1), "successful", 1);
    data.setQueueState(draft.id(), contacts.get(2), "pending", 1);
    data.setQueueState(draft.id(), contacts.get(3), "no_answer", 3);
    assertThat(queue.stats(org, draft.id())).isEqualTo(new ContactStats(5, 3, 1, 0, 1, 2, 1));
    assertThat(queue.stats(UUID.randomUUID(), draft.id())).isEqualTo(ContactStats.EMPTY);
    assertThat(queue.removeIdle(org, draft.id(), contacts.subList(0, 2)))
        .containsExactly(contacts.get(1));
    assertThat(queue.queued(org, draft.id(), contacts)).hasSize(4).contains(contacts.get(0));
    assertThat(queue.stats(org, draft.id())).isEqualTo(new ContactStats(4, 2, 0, 0, 1, 2, 1));
    assertThat(
            queue.list(
                org,
                draft.id(),
                QueueState.IN_PROGRESS,
                new PageParams(PageParams.DEFAULT_LIMIT, 0)))
        .extracting(e -> e.contactId())
        .containsExactly(contacts.get(0));
  }
}
