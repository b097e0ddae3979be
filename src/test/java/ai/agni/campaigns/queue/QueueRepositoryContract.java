package ai.agni.campaigns.queue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.testsupport.QueueRows;
import ai.agni.campaigns.testsupport.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue's one owner, on each database: every move through it keeps the head row's counters
 * equal to a recount of the rows, and the head row's next work follows wake-ups and plans.
 */
@SpringBootTest(properties = {"agni.dialer.enabled=false", "agni.data-dir=target/test-data"})
abstract class QueueRepositoryContract {

  static final Instant T0 = Instant.parse("2026-03-20T10:30:00.123456Z");

  @Autowired QueueRepository queue;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  UUID org;
  UUID campaign;
  List<UUID> contacts;

  @BeforeEach
  void aCampaignWithTenContacts() {
    org = Rows.organization(jdbc, T0);
    campaign = Rows.activeCampaign(jdbc, org, T0);
    contacts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      UUID id = Ids.newId();
      contacts.add(id);
      jdbc.sql(
              """
              INSERT INTO contacts (id, organization_id, phone, metadata, tags, created_at,
                updated_at) VALUES (?, ?, ?, '{}', '[]', ?, ?)
              """)
          .params(id, org, "+1212555" + String.format("%04d", i), Times.db(T0), Times.db(T0))
          .update();
    }
    queue.create(org, campaign);
    queue.add(org, campaign, contacts, T0, false);
  }

  @Test
  void everyMoveKeepsTheCountersEqualToARecount() {
    List<ClaimedEntry> claimed =
        tx.execute(s -> queue.claim(org, campaign, null, 6, "n1", T0, T0.plusSeconds(60)));
    assertThat(claimed).hasSize(6).allMatch(c -> c.attempt() == 1);
    assertExact(new ContactStats(10, 0, 0, 0, 0, 4, 6));

    Instant end = T0.plusSeconds(30);
    boolean[] applied =
        tx.execute(
            s ->
                queue.settle(
                    List.of(
                        settle(claimed.get(0), QueueState.SUCCESSFUL, null, end),
                        settle(claimed.get(1), QueueState.NO_ANSWER, null, end),
                        settle(claimed.get(2), QueueState.PENDING, end.plusSeconds(1800), end),
                        // a stale version: lost the race, nothing moves
                        new Settlement(
                            org,
                            campaign,
                            claimed.get(3).contactId(),
                            99,
                            1,
                            QueueState.FAILED,
                            null,
                            "failed",
                            "x",
                            null,
                            end,
                            true)),
                    end));
    assertThat(applied).containsExactly(true, true, true, false);
    assertExact(new ContactStats(10, 3, 1, 0, 1, 5, 3));

    tx.executeWithoutResult(
        s -> {
          queue.release(
              org,
              campaign,
              List.of(new QueueRef(claimed.get(3).contactId(), claimed.get(3).version())),
              end);
          queue.markDoNotCall(org, campaign, List.of(claimed.get(4)), end);
        });
    assertExact(new ContactStats(10, 3, 1, 1, 1, 6, 1));
    assertThat(attemptsOf(claimed.get(3).contactId())).as("released: attempt not used").isZero();

    tx.executeWithoutResult(
        s -> queue.removeIdle(org, campaign, List.of(contacts.get(0), claimed.get(5).contactId())));
    assertThat(queue.queued(org, campaign, contacts)).contains(claimed.get(5).contactId());
    assertExact(queue.stats(org, campaign));
    assertThat(queue.count(org, campaign, null)).isEqualTo(9);
    assertThat(queue.count(org, campaign, QueueState.IN_PROGRESS)).isEqualTo(1);
  }

  @Test
  void anAttemptThatNeverReachedTheCarrierLeavesTheContactAsIfUnclaimed() {
    List<ClaimedEntry> claimed =
        tx.execute(s -> queue.claim(org, campaign, null, 1, "n1", T0, T0.plusSeconds(60)));
    Instant end = T0.plusSeconds(2);
    ClaimedEntry e = claimed.get(0);
    Settlement lineDown =
        new Settlement(
            org,
            campaign,
            e.contactId(),
            e.version(),
            e.attempt(),
            QueueState.PENDING,
            end,
            "failed",
            "trunk_unavailable",
            null,
            end,
            false);
    boolean[] applied = tx.execute(s -> queue.settle(List.of(lineDown), end));
    assertThat(applied).containsExactly(true);

    assertThat(attemptsOf(e.contactId())).as("the attempt was not used").isZero();
    assertExact(new ContactStats(10, 0, 0, 0, 0, 10, 0));
    assertThat(nextWorkAt()).isEqualTo(end);
    List<ClaimedEntry> again =
        tx.execute(s -> queue.claim(org, campaign, null, 10, "n1", end, end.plusSeconds(60)));
    assertThat(again)
        .filteredOn(c -> c.contactId().equals(e.contactId()))
        .singleElement()
        .satisfies(c -> assertThat(c.attempt()).isEqualTo(1));
  }

  @Test
  void aPlanNeverOverwritesAWakeUpThatCameAfterItsRead() {
    long seen = workSeq();
    queue.wake(campaign, T0);
    assertThat(queue.plan(campaign, seen, T0.plus(Duration.ofDays(1))))
        .as("a wake-up came since the read")
        .isFalse();
    assertThat(nextWorkAt()).isEqualTo(T0);
    assertThat(queue.plan(campaign, workSeq(), T0.plus(Duration.ofHours(1)))).isTrue();
    assertThat(queue.nextWorkAfter(T0))
        .as("the earliest planned work of all campaigns (other tests' too)")
        .hasValueSatisfying(at -> assertThat(at).isBeforeOrEqualTo(T0.plus(Duration.ofHours(1))));

    queue.wake(campaign, T0.plus(Duration.ofHours(2)));
    assertThat(nextWorkAt())
        .as("a later wake-up keeps the earlier work")
        .isEqualTo(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void aRetryWakesTheCampaignAtItsTime() {
    List<ClaimedEntry> all =
        tx.execute(s -> queue.claim(org, campaign, null, 10, "n1", T0, T0.plusSeconds(60)));
    queue.plan(campaign, workSeq(), null);
    List<Settlement> done = new ArrayList<>();
    for (ClaimedEntry e : all.subList(0, 9)) {
      done.add(settle(e, QueueState.SUCCESSFUL, null, T0));
    }
    tx.execute(s -> queue.settle(done, T0));
    assertThat(nextWorkAt()).as("one contact still in a call").isNull();

    Instant retry = T0.plus(Duration.ofMinutes(30));
    tx.execute(s -> queue.settle(List.of(settle(all.get(9), QueueState.PENDING, retry, T0)), T0));
    assertThat(nextWorkAt()).isEqualTo(retry);
  }

  @Test
  void theLastFinalContactWakesTheCampaignNowSoItCompletes() {
    List<ClaimedEntry> all =
        tx.execute(s -> queue.claim(org, campaign, null, 10, "n1", T0, T0.plusSeconds(60)));
    queue.plan(campaign, workSeq(), null);
    List<Settlement> done = new ArrayList<>();
    for (ClaimedEntry e : all) {
      done.add(settle(e, QueueState.NO_ANSWER, null, T0));
    }
    Instant now = T0.plusSeconds(5);
    tx.execute(s -> queue.settle(done, now));
    assertThat(nextWorkAt()).isEqualTo(now);
    assertThat(queue.isFinished(org, campaign)).isTrue();
    assertExact(new ContactStats(10, 10, 0, 0, 10, 0, 0));
  }

  private Settlement settle(ClaimedEntry e, QueueState target, Instant next, Instant at) {
    return new Settlement(
        org,
        campaign,
        e.contactId(),
        e.version(),
        e.attempt(),
        target,
        next,
        target == QueueState.SUCCESSFUL ? "completed" : "no_answer",
        "r",
        null,
        at,
        true);
  }

  private void assertExact(ContactStats expected) {
    assertThat(queue.stats(org, campaign)).isEqualTo(expected);
    assertThat(QueueRows.counters(jdbc, campaign)).isEqualTo(QueueRows.recount(jdbc, campaign));
  }

  private int attemptsOf(UUID contact) {
    return jdbc.sql("SELECT attempts FROM campaign_contacts WHERE contact_id = ?")
        .param(contact)
        .query(Integer.class)
        .single();
  }

  private long workSeq() {
    return jdbc.sql("SELECT work_seq FROM campaign_queues WHERE campaign_id = ?")
        .param(campaign)
        .query(Long.class)
        .single();
  }

  private Instant nextWorkAt() {
    return jdbc.sql("SELECT next_work_at FROM campaign_queues WHERE campaign_id = ?")
        .param(campaign)
        .query((rs, n) -> java.util.Optional.ofNullable(Times.instant(rs, "next_work_at")))
        .single()
        .orElse(null);
  }
}
