package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two engine nodes on real threads polling one PostgreSQL database at once, dialing the simulated
 * carrier with millisecond calls: every contact is dialed exactly once (no retries allowed), the
 * shared concurrency cap holds at every instant, and nothing is reaped.
 */
@PostgresTest
@FastSimulatedCarrier
class PostgresDialerClusterTest extends EngineTestSupport {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }

  @Test
  void twoNodesDialEveryContactExactlyOnceWithinTheSharedCap() {
    EngineFixtures fixtures = fixtures();
    UUID org = fixtures.anOrganization(8, 500);
    UUID agent = fixtures.anAgent(org);
    jdbc.sql("UPDATE agents SET ring_duration_ms = 50 WHERE id = ?").param(agent).update();
    var campaign =
        fixtures
            .aRunningCampaign()
            .in(org, agent, fixtures.aPhoneNumber(org, null, null))
            .withContacts(1_000)
            .maxConcurrent(20)
            .retries(0, 30)
            .create();
    List<DialerLoop> loops = competingNodes("node-a", "node-b");
    long started = System.nanoTime();
    loops.forEach(DialerLoop::start);
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> campaignStatus(campaign.id()).equals("completed"));
    } finally {
      loops.forEach(DialerLoop::stop);
    }
    System.out.printf(
        "[dialer] cluster: 1,000 contacts on two nodes in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);

    List<CallAudit.Call> calls = audit().campaignCalls(campaign.id());
    Map<UUID, Long> perContact =
        calls.stream()
            .collect(Collectors.groupingBy(CallAudit.Call::contactId, Collectors.counting()));
    assertThat(perContact).hasSize(1_000);
    assertThat(perContact.values()).allMatch(n -> n == 1);
    assertThat(CallAudit.peakConcurrency(calls)).isLessThanOrEqualTo(8);
    assertThat(calls).noneMatch(c -> "node_lost".equals(c.reason()));
    List<String> nodes =
        jdbc.sql("SELECT DISTINCT node FROM calls WHERE campaign_id = ?")
            .param(campaign.id())
            .query(String.class)
            .list();
    assertThat(nodes).containsExactlyInAnyOrder("node-a", "node-b");
    assertThat(audit().contactStats(campaign.id()).keySet())
        .doesNotContain("pending", "in_progress");
  }
}
