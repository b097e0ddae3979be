package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.telephony.CallEventSink;
import ai.agni.campaigns.telephony.CallRequest;
import ai.agni.campaigns.telephony.CallResult;
import ai.agni.campaigns.telephony.TelephonyPort;
import ai.agni.campaigns.telephony.simulated.SimulatedProperties;
import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the engine does with calls that never end, and with rows it cannot read. */
class DialerRecoveryTest extends EngineTestSupport {

  static final Instant T0 = Instant.parse("2026-03-16T09:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final ManualTaskTimer timer = new ManualTaskTimer();

  /** An adapter whose calls never end: a lost BYE, a stuck SIP dialog, a callback that threw. */
  static final class HungCarrier implements TelephonyPort {
    int placed;

    @Override
    public String provider() {
      return "simulated";
    }

    @Override
    public CompletableFuture<CallResult> placeCall(CallRequest request, CallEventSink events) {
      placed++;
      return new CompletableFuture<>();
    }
  }

  @Test
  void aCallThatNeverEndsOnALiveNodeIsSettledWhenItsLeaseExpiresAndTheContactRetried() {
    var campaign =
        fixtures().aRunningCampaign().withContacts(3).maxConcurrent(3).retries(2, 30).create();
    HungCarrier carrier = new HungCarrier();
    DialerEngine engine = nodes().on(clock, timer).carrier(carrier).horizon(STEP).build();
    EngineStepper stepper = stepper(clock, timer, engine);
    engine.heartbeatOnce();
    stepper.runUntil(T0.plusSeconds(30));
    assertThat(carrier.placed).isEqualTo(3);
    assertThat(live(campaign.id())).isEqualTo(3);

    // The node stays alive (it keeps beating) but its calls never end: ring 30 s + max 600 s.
    stepper.runUntil(T0.plus(Duration.ofMinutes(20)));
    engine.heartbeatOnce();
    engine.reapOnce();

    assertThat(live(campaign.id())).as("no call stays live past its lease").isZero();
    assertThat(
            audit().calls("campaign_id = ? AND disconnect_reason = 'lease_expired'", campaign.id()))
        .hasSize(3)
        .allMatch(c -> c.status().equals("failed") && c.endedAt() != null);
    assertThat(audit().contactStats(campaign.id())).containsEntry("pending", 3).hasSize(1);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM campaign_contacts WHERE campaign_id = ? AND attempts = 1"
                        + " AND next_attempt_at IS NOT NULL AND lease_owner IS NULL")
                .param(campaign.id())
                .query(Integer.class)
                .single())
        .as("each contact re-enters the retry gap")
        .isEqualTo(3);
  }

  @Test
  void aCampaignWithAnUnreadableTimezoneDoesNotStopTheOthers() {
    var broken = fixtures().aRunningCampaign().withContacts(3).create();
    jdbc.sql("UPDATE campaigns SET timezone = 'Mars/Olympus_Mons' WHERE id = ?")
        .param(broken.id())
        .update();
    var healthy = fixtures().aRunningCampaign().withContacts(3).retries(0, 30).create();
    DialerEngine engine = newEngine(clock, timer);

    stepper(clock, timer, engine)
        .runUntil(
            T0.plus(Duration.ofHours(1)), () -> campaignStatus(healthy.id()).equals("completed"));

    assertThat(campaignStatus(healthy.id())).isEqualTo("completed");
    assertThat(audit().campaignCalls(broken.id())).as("never dialed by guess").isEmpty();
    assertThat(campaignStatus(broken.id())).isEqualTo("active");
  }

  @Test
  void lowerRetryAttemptsApplyToCallsAlreadyLive() {
    // Every call rings out, so each attempt asks for a retry.
    var campaign = fixtures().aRunningCampaign().withContacts(4).retries(3, 1).create();
    DialerEngine engine =
        newEngine(
            clock, timer, new SimulatedProperties("no_answer:1", null, null, Long.toString(SEED)));
    EngineStepper stepper = stepper(clock, timer, engine);
    stepper.runUntil(T0.plusSeconds(5));
    assertThat(live(campaign.id())).isEqualTo(4);
    // While the first attempts are live, the user turns retries off (takes effect at once).
    jdbc.sql("UPDATE campaigns SET retry_attempts = 0 WHERE id = ?").param(campaign.id()).update();

    stepper.runUntil(
        T0.plus(Duration.ofHours(2)), () -> campaignStatus(campaign.id()).equals("completed"));

    assertThat(audit().campaignCalls(campaign.id())).hasSize(4).allMatch(c -> c.attempt() == 1);
    assertThat(audit().contactStats(campaign.id())).containsEntry("no_answer", 4).hasSize(1);
  }

  @Test
  void theEngineNamesItselfByHostAndPortByDefault(@Autowired DialerEngine configured) {
    assertThat(configured.nodeId()).endsWith(":8080");
  }

  private int live(UUID campaignId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM calls WHERE campaign_id = ? AND status IN ('queued', 'ringing', 'in_progress')")
        .param(campaignId)
        .query(Integer.class)
        .single();
  }
}
