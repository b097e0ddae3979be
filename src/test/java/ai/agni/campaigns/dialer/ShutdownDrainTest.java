package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.telephony.simulated.SimulatedProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown of a node on real threads: it stops claiming at once, gives back the attempts
 * claimed for later slots without using them, lets live calls end as they would within the grace,
 * and settles what is still live after it as the reaper would (failed / node_lost).
 */
class ShutdownDrainTest extends EngineTestSupport {

  private record Run(EngineFixtures.CampaignRef campaign, DialerLoop loop, Instant stopBegan) {}

  @Test
  void liveCallsEndAsTheyWouldAndClaimedSlotsAreGivenBackUnused() {
    Run run = runUntilCallsAreLive(Duration.ofSeconds(20), 2_000L);
    long stopMillis = stop(run);

    List<CallAudit.Call> calls = audit().campaignCalls(run.campaign().id());
    assertThat(calls).isNotEmpty().noneMatch(c -> "node_lost".equals(c.reason()));
    assertThat(calls).allMatch(c -> c.endedAt() != null);
    assertThat(calls)
        .as("no call placed after the shutdown began (a placing under way may finish)")
        .allMatch(c -> c.startedAt().isBefore(run.stopBegan().plusMillis(500)));
    assertThat(stopMillis).as("waited only for the live calls").isLessThan(15_000);
    assertAttemptsEqualPlacedCalls(run.campaign(), calls);
    assertThat(pendingUntouched(run.campaign()))
        .as("contacts claimed for later slots are pending again, none of their attempts used")
        .isGreaterThan(0);
  }

  @Test
  void callsStillLiveAfterTheGraceAreSettledAsTheReaperWould() {
    Run run = runUntilCallsAreLive(Duration.ofSeconds(1), 60_000L);
    long stopMillis = stop(run);

    List<CallAudit.Call> calls = audit().campaignCalls(run.campaign().id());
    assertThat(calls).isNotEmpty().allMatch(c -> c.endedAt() != null);
    assertThat(calls).anyMatch(c -> "node_lost".equals(c.reason()));
    assertThat(stopMillis).as("the grace, then the settling").isBetween(900L, 6_000L);
    assertAttemptsEqualPlacedCalls(run.campaign(), calls);
  }

  private Run runUntilCallsAreLive(Duration grace, long talkMs) {
    EngineFixtures fixtures = fixtures();
    UUID org = fixtures.anOrganization(50, 20);
    UUID agent = fixtures.anAgent(org);
    // why: a simulated no_answer rings for the agent's whole ring time.
    jdbc.sql("UPDATE agents SET ring_duration_ms = 2000 WHERE id = ?").param(agent).update();
    var campaign =
        fixtures
            .aRunningCampaign()
            .in(org, agent, fixtures.aPhoneNumber(org, null, null))
            .withContacts(60)
            .outbound(8, 4.0)
            .retries(1, 30)
            .create();
    DialerLoop loop =
        nodes()
            .on(contextClock, contextTimer)
            .simulated(
                new SimulatedProperties("completed:0.8,no_answer:0.1,busy:0.1", 100L, talkMs, "5"))
            .node("draining-" + UUID.randomUUID())
            .horizon(Duration.ofSeconds(3))
            .shutdownGrace(grace)
            .pollInterval(Duration.ofMillis(50))
            .writerThread()
            .loop();
    loop.start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM calls WHERE campaign_id = ? AND status IN"
                                + " ('ringing', 'in_progress')")
                        .param(campaign.id())
                        .query(Integer.class)
                        .single()
                    >= 4);
    return new Run(campaign, loop, Instant.now());
  }

  private static long stop(Run run) {
    long started = System.nanoTime();
    run.loop().stop();
    return (System.nanoTime() - started) / 1_000_000;
  }

  private void assertAttemptsEqualPlacedCalls(
      EngineFixtures.CampaignRef campaign, List<CallAudit.Call> calls) {
    Map<UUID, Long> placed =
        calls.stream()
            .collect(Collectors.groupingBy(CallAudit.Call::contactId, Collectors.counting()));
    List<Map.Entry<UUID, Integer>> attempts =
        jdbc.sql("SELECT contact_id, attempts FROM campaign_contacts WHERE campaign_id = ?")
            .param(campaign.id())
            .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
            .list();
    assertThat(attempts).hasSize(60);
    for (Map.Entry<UUID, Integer> row : attempts) {
      assertThat(row.getValue())
          .as("attempts of %s equal its placed calls", row.getKey())
          .isEqualTo(placed.getOrDefault(row.getKey(), 0L).intValue());
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM live_calls WHERE campaign_id = ?")
                .param(campaign.id())
                .query(Integer.class)
                .single())
        .isZero();
    audit().assertCountersExact(campaign.id());
  }

  private int pendingUntouched(EngineFixtures.CampaignRef campaign) {
    return jdbc.sql(
            "SELECT count(*) FROM campaign_contacts WHERE campaign_id = ? AND state = 'pending'"
                + " AND attempts = 0")
        .param(campaign.id())
        .query(Integer.class)
        .single();
  }
}
