package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.campaign.CampaignMembership;
import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import ai.agni.campaigns.testsupport.QueueRows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contacts added while the engine decides that a campaign is finished: the completion waits for the
 * adding transaction and then sees the new contact, so the campaign stays active and dials it,
 * instead of completing with a pending contact that is never called.
 */
@PostgresTest
class PostgresCompletionRaceTest extends EngineTestSupport {

  static final Instant T0 = Instant.parse("2026-03-16T09:00:00Z");

  @Autowired CampaignMembership membership;
  @Autowired TransactionTemplate tx;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }

  @Test
  void contactsAddedDuringCompletionKeepTheCampaignRunning() throws Exception {
    EngineFixtures fixtures = fixtures();
    var campaign = fixtures.aRunningCampaign().withContacts(1).retries(0, 30).create();
    jdbc.sql(
            "UPDATE campaign_contacts SET state = 'successful', attempts = 1 WHERE campaign_id = ?")
        .param(campaign.id())
        .update();
    QueueRows.sync(jdbc, campaign.id(), T0);
    UUID added = fixtures.contacts(campaign.organizationId(), 1).get(0);
    MutableClock clock = new MutableClock(T0);
    ManualTaskTimer timer = new ManualTaskTimer();
    DialerEngine engine = newEngine(clock, timer);

    CountDownLatch addedButNotCommitted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> adding =
        CompletableFuture.runAsync(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      membership.addContacts(
                          campaign.organizationId(), campaign.id(), List.of(added));
                      addedButNotCommitted.countDown();
                      waitFor(commit);
                    }));
    assertThat(addedButNotCommitted.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Instant> polling = CompletableFuture.supplyAsync(engine::pollOnce);
    await().atMost(Duration.ofSeconds(10)).until(() -> sessionsWaitingForALock() > 0);
    commit.countDown();
    adding.get(10, TimeUnit.SECONDS);
    polling.get(10, TimeUnit.SECONDS);

    assertThat(campaignStatus(campaign.id())).isEqualTo("active");
    engine.pollOnce();
    timer.runDue(T0.plusSeconds(5));
    assertThat(audit().campaignCalls(campaign.id()))
        .extracting(CallAudit.Call::contactId)
        .containsExactly(added);
  }

  private int sessionsWaitingForALock() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database()")
        .query(Integer.class)
        .single();
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the adding transaction");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
