package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The engine's rules one at a time, stepped on a manual clock against H2. */
class DialerBehaviourTest extends EngineTestSupport {

  static final Instant T0 = Instant.parse("2026-03-16T09:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final ManualTaskTimer timer = new ManualTaskTimer();

  @Test
  void aSmallCampaignFinishesEarlyBesideALargeOneOfTheSameOrganization() {
    EngineFixtures fixtures = fixtures();
    UUID org = fixtures.anOrganization(10, 10);
    UUID agent = fixtures.anAgent(org);
    EngineFixtures.Line line = fixtures.aPhoneNumber(org, null, null);
    var large =
        fixtures
            .aRunningCampaign()
            .in(org, agent, line)
            .withContacts(5_000)
            .maxConcurrent(10)
            .retries(0, 30)
            .create();
    var small =
        fixtures
            .aRunningCampaign()
            .in(org, agent, line)
            .withContacts(50)
            .maxConcurrent(10)
            .retries(0, 30)
            .create();
    DialerEngine engine = newEngine(clock, timer);

    boolean smallDone =
        stepper(clock, timer, engine)
            .runUntil(
                T0.plus(Duration.ofHours(6)), () -> campaignStatus(small.id()).equals("completed"));

    assertThat(smallDone).isTrue();
    int largeDialed = audit().campaignCalls(large.id()).size();
    assertThat(largeDialed).as("the large campaign got a share, not all").isBetween(25, 400);
    assertThat(audit().contactStats(large.id()).get("pending")).isGreaterThan(4_500);
    List<CallAudit.Call> all = audit().calls("organization_id = ?", org);
    assertThat(CallAudit.peakConcurrency(all))
        .as("organization cap shared")
        .isLessThanOrEqualTo(10);
    assertThat(CallAudit.peakPerSecond(all)).isLessThanOrEqualTo(10);
  }

  @Test
  void aNumberOnTheDoNotCallListIsNeverDialed() {
    EngineFixtures fixtures = fixtures();
    var campaign = fixtures.aRunningCampaign().withContacts(5).retries(0, 30).create();
    UUID listed = campaign.contactIds().get(2);
    String phone = fixtures.phoneOf(listed);
    fixtures.doNotCall(campaign.organizationId(), phone);
    DialerEngine engine = newEngine(clock, timer);

    stepper(clock, timer, engine)
        .runUntil(
            T0.plus(Duration.ofDays(1)), () -> campaignStatus(campaign.id()).equals("completed"));

    assertThat(audit().campaignCalls(campaign.id()))
        .hasSize(4)
        .noneMatch(c -> c.contactId().equals(listed));
    var row =
        jdbc.sql("SELECT state, last_reason, attempts FROM campaign_contacts WHERE contact_id = ?")
            .param(listed)
            .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3))
            .single();
    assertThat(row).isEqualTo("failed/dnc/0");
    assertThat(campaignStatus(campaign.id())).isEqualTo("completed");
    audit().assertCampaign(campaign.id(), 5, 10);
  }

  @Test
  void pausingStopsNewDialsAtOnceWhileLiveCallsFinish() {
    EngineFixtures fixtures = fixtures();
    var campaign = fixtures.aRunningCampaign().withContacts(200).maxConcurrent(10).create();
    DialerEngine engine = newEngine(clock, timer);
    EngineStepper stepper = stepper(clock, timer, engine);
    stepper.runUntil(T0.plusSeconds(12));
    Instant pausedAt = clock.instant();
    int liveAtPause = live(campaign.id());
    fixtures.setStatus(campaign.id(), "paused");

    stepper.runUntil(pausedAt.plus(Duration.ofHours(1)));

    assertThat(liveAtPause).isPositive();
    List<CallAudit.Call> calls = audit().campaignCalls(campaign.id());
    assertThat(calls).noneMatch(c -> c.startedAt().isAfter(pausedAt));
    assertThat(live(campaign.id())).as("live calls finished").isZero();
    assertThat(calls)
        .filteredOn(c -> c.endedAt().isAfter(pausedAt))
        .hasSizeGreaterThanOrEqualTo(liveAtPause - 4);
    assertThat(audit().contactStats(campaign.id()).get("pending")).isGreaterThan(100);
    assertThat(campaignStatus(campaign.id())).isEqualTo("paused");
  }

  @Test
  void aFinishedCampaignCompletesExactlyOnce() {
    EngineFixtures fixtures = fixtures();
    var campaign = fixtures.aRunningCampaign().withContacts(20).retries(0, 30).create();
    DialerEngine engine = newEngine(clock, timer);
    EngineStepper stepper = stepper(clock, timer, engine);
    stepper.runUntil(
        T0.plus(Duration.ofHours(2)), () -> campaignStatus(campaign.id()).equals("completed"));
    Instant completedAt = completedAt(campaign.id());

    stepper.runUntil(clock.instant().plus(Duration.ofHours(1)));
    engine.pollOnce();

    assertThat(completedAt).isNotNull();
    assertThat(completedAt(campaign.id())).isEqualTo(completedAt);
    boolean completedAgain =
        new CompleteFinishedCampaigns(
                stores.tx(), stores.campaigns(), stores.queue(), stores.outbox())
            .completeIfFinished(campaign.organizationId(), campaign.id(), clock.instant(), true);
    assertThat(completedAgain).isFalse();
    assertThat(
            jdbc.sql("SELECT execution_status FROM campaigns WHERE id = ?")
                .param(campaign.id())
                .query(String.class)
                .single())
        .isEqualTo("completed");
    audit().assertCampaign(campaign.id(), 5, 10);
  }

  @Test
  void reachingTheEndCompletesTheCampaignAndLeavesPendingContactsPending() {
    EngineFixtures fixtures = fixtures();
    Instant end = T0.plus(Duration.ofMinutes(1));
    var campaign =
        fixtures.aRunningCampaign().withContacts(300).maxConcurrent(2).between(null, end).create();
    DialerEngine engine = newEngine(clock, timer);

    stepper(clock, timer, engine).runUntil(T0.plus(Duration.ofHours(1)));

    assertThat(campaignStatus(campaign.id())).isEqualTo("completed");
    assertThat(completedAt(campaign.id())).isAfterOrEqualTo(end);
    assertThat(audit().campaignCalls(campaign.id())).allMatch(c -> c.startedAt().isBefore(end));
    assertThat(audit().contactStats(campaign.id()).get("pending")).isGreaterThan(200);
  }

  @Test
  void callsOfADeadNodeAreReapedAsNodeLostAndRetriedLaterNeverTwiceAtOnce() {
    EngineFixtures fixtures = fixtures();
    var campaign =
        fixtures.aRunningCampaign().withContacts(6).maxConcurrent(6).retries(2, 30).create();
    ManualTaskTimer deadTimer = new ManualTaskTimer();
    DialerEngine doomed = newEngine(clock, deadTimer);
    doomed.heartbeatOnce();
    doomed.pollOnce();
    clock.advance(Duration.ofSeconds(1));
    deadTimer.runDue(clock.instant());
    int lost = live(campaign.id());
    assertThat(lost).isEqualTo(6);

    // The doomed node stops: no heartbeat, its timer never runs again. Another node takes over.
    DialerEngine survivor = newEngine(clock, timer);
    clock.advance(settings.nodeTimeout().plusSeconds(1));
    survivor.heartbeatOnce();
    assertThat(survivor.reapOnce()).isEqualTo(lost);
    assertThat(audit().calls("campaign_id = ? AND disconnect_reason = 'node_lost'", campaign.id()))
        .hasSize(lost);
    assertThat(live(campaign.id())).isZero();

    // A zombie outcome from the doomed node arriving later changes nothing.
    deadTimer.runDue(clock.instant().plus(Duration.ofHours(1)));
    assertThat(audit().calls("campaign_id = ? AND disconnect_reason = 'node_lost'", campaign.id()))
        .hasSize(lost);

    stepper(clock, timer, survivor)
        .runUntil(
            clock.instant().plus(Duration.ofDays(1)),
            () -> campaignStatus(campaign.id()).equals("completed"));
    audit().assertCampaign(campaign.id(), 6, 10);
    assertThat(audit().calls("campaign_id = ? AND attempt = 2", campaign.id()))
        .hasSizeGreaterThanOrEqualTo(lost);
  }

  @Test
  void slotsClaimedByADeadNodeButNeverDialedAreGivenBackWithoutUsingAnAttempt() {
    EngineFixtures fixtures = fixtures();
    UUID org = fixtures.anOrganization(10, 2);
    var campaign =
        fixtures
            .aRunningCampaign()
            .in(org, fixtures.anAgent(org), fixtures.aPhoneNumber(org, null, null))
            .withContacts(6)
            .maxConcurrent(6)
            .retries(2, 30)
            .create();
    ManualTaskTimer deadTimer = new ManualTaskTimer();
    DialerEngine doomed = newEngine(clock, deadTimer);
    doomed.heartbeatOnce();
    doomed.pollOnce();
    // 2 calls per second: within the first half second only the first slot has come.
    clock.advance(Duration.ofMillis(400));
    deadTimer.runDue(clock.instant());
    assertThat(live(campaign.id())).as("placed before the node died").isEqualTo(1);
    assertThat(audit().contactStats(campaign.id())).containsEntry("in_progress", 6);

    DialerEngine survivor = newEngine(clock, timer);
    clock.advance(settings.nodeTimeout().plusSeconds(1));
    survivor.heartbeatOnce();
    assertThat(survivor.reapOnce()).isEqualTo(6);

    assertThat(audit().calls("campaign_id = ?", campaign.id()))
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo("node_lost"));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM campaign_contacts WHERE campaign_id = ?"
                        + " AND state = 'pending' AND attempts = 0 AND next_attempt_at IS NULL")
                .param(campaign.id())
                .query(Integer.class)
                .single())
        .as("nobody rung: attempt not used, due again at once")
        .isEqualTo(5);
    audit().assertCountersExact(campaign.id());
  }

  @Test
  void aCreateCallRequestIsDialedWithinTheOrganizationsCaps() {
    EngineFixtures fixtures = fixtures();
    UUID org = fixtures.anOrganization(1, 10);
    UUID agent = fixtures.anAgent(org);
    EngineFixtures.Line line = fixtures.aPhoneNumber(org, null, null);
    fixtures.aWaitingCall(org, agent, line, "+12125550001", T0);
    fixtures.aWaitingCall(org, agent, line, "+12125550002", T0);
    DialerEngine engine = newEngine(clock, timer);

    stepper(clock, timer, engine).runUntil(T0.plus(Duration.ofMinutes(30)));

    List<CallAudit.Call> calls = audit().calls("organization_id = ?", org);
    assertThat(calls).hasSize(2).allMatch(c -> c.endedAt() != null && !c.status().equals("queued"));
    assertThat(CallAudit.peakConcurrency(calls)).as("organization cap of one").isEqualTo(1);
  }

  private int live(UUID campaignId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM calls WHERE campaign_id = ? AND status IN ('queued', 'ringing', 'in_progress')")
        .param(campaignId)
        .query(Integer.class)
        .single();
  }
}
