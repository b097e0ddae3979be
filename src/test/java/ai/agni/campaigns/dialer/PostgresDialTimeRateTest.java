package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.testsupport.LateTaskTimer;
import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes on one PostgreSQL whose timers fire late at random (up to 400 ms, a third of the time),
 * dialing two campaigns on one number: the slots the claims reserved are then often missed and late
 * calls meet on-time ones, yet no sliding one-second window of real starts ({@code started_at})
 * holds more than any cap allows, at the campaign, number and organization layers.
 */
@PostgresTest
@FastSimulatedCarrier
class PostgresDialTimeRateTest extends EngineTestSupport {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }

  @Test
  void lateTimersOnTwoNodesNeverPushAnyLayerOverItsCap() {
    EngineFixtures fixtures = fixtures();
    UUID org = fixtures.anOrganization(50, 10.5);
    UUID agent = fixtures.anAgent(org);
    jdbc.sql("UPDATE agents SET ring_duration_ms = 50 WHERE id = ?").param(agent).update();
    EngineFixtures.Line line = fixtures.aPhoneNumber(org, null, null);
    EngineFixtures.Line slowLine = fixtures.aPhoneNumber(org, null, 3.5);
    var fast =
        fixtures
            .aRunningCampaign()
            .in(org, agent, line)
            .withContacts(150)
            .outbound(20, 9.0)
            .retries(0, 30)
            .create();
    var slow =
        fixtures
            .aRunningCampaign()
            .in(org, agent, slowLine)
            .withContacts(100)
            .outbound(20, 4.5)
            .retries(0, 30)
            .create();
    List<DialerLoop> loops =
        List.of("late-a", "late-b").stream()
            .map(
                node ->
                    nodes()
                        .on(
                            contextClock,
                            new LateTaskTimer(
                                contextTimer, node.hashCode(), Duration.ofMillis(400)))
                        .carrier(contextCarrier)
                        .node(node)
                        .pollInterval(Duration.ofMillis(20))
                        .writerThread()
                        .loop())
            .toList();
    loops.forEach(DialerLoop::start);
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  campaignStatus(fast.id()).equals("completed")
                      && campaignStatus(slow.id()).equals("completed"));
    } finally {
      loops.forEach(DialerLoop::stop);
    }

    List<CallAudit.Call> fastCalls = audit().campaignCalls(fast.id());
    List<CallAudit.Call> slowCalls = audit().campaignCalls(slow.id());
    List<CallAudit.Call> all = audit().calls("organization_id = ?", org);
    assertThat(fastCalls).hasSize(150);
    assertThat(slowCalls).hasSize(100);
    assertThat(all).hasSize(250);
    System.out.printf(
        "[dialer] dial-time rates with late timers: peak starts in one second: campaign at 9/s ->"
            + " %d, number at 3.5/s -> %d, organization at 10.5/s -> %d%n",
        CallAudit.peakPerSecond(fastCalls),
        CallAudit.peakPerSecond(slowCalls),
        CallAudit.peakPerSecond(all));
    assertThat(CallAudit.peakPerSecond(fastCalls)).as("campaign at 9/s").isLessThanOrEqualTo(9);
    assertThat(CallAudit.peakPerSecond(slowCalls)).as("number at 3.5/s").isLessThanOrEqualTo(4);
    assertThat(CallAudit.peakPerSecond(all)).as("organization at 10.5/s").isLessThanOrEqualTo(11);
    List<String> nodes =
        jdbc.sql("SELECT DISTINCT node FROM calls WHERE organization_id = ?")
            .param(org)
            .query(String.class)
            .list();
    assertThat(nodes).containsExactlyInAnyOrder("late-a", "late-b");
  }
}
