package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's big run, on each database: 10,000 contacts, a mixed outcome distribution, a
 * 09:00–11:00 New York window that opens and closes on several days across the end of daylight
 * saving time (2 November 2025), a pause and a resume; audited from the calls rows alone.
 */
abstract class EngineScenarioContract extends EngineTestSupport {

  // Saturday 1 November 2025, 08:00 in New York (EDT); DST ends Sunday 02:00.
  static final Instant START = Instant.parse("2025-11-01T12:00:00Z");
  static final Instant PAUSE = Instant.parse("2025-11-01T14:00:00Z"); // 10:00 EDT
  static final Instant RESUME = Instant.parse("2025-11-01T14:20:00Z");

  @Test
  void tenThousandContactsAcrossWindowsDstAndAPause() {
    EngineFixtures fixtures = fixtures();
    var org = fixtures.anOrganization(100, 10);
    var line = fixtures.aPhoneNumber(org, 40, 5.0);
    EngineFixtures.CampaignRef campaign =
        fixtures
            .aRunningCampaign()
            .in(org, fixtures.anAgent(org), line)
            .withContacts(10_000)
            .window("09:00", "11:00", "0,1,2,3,4,5,6", "America/New_York")
            .maxConcurrent(20)
            .outbound(null, 4.0)
            .retries(2, 30)
            .create();
    MutableClock clock = new MutableClock(START);
    ManualTaskTimer timer = new ManualTaskTimer();
    DialerEngine engine = newEngine(clock, timer);
    EngineStepper stepper = stepper(clock, timer, engine);

    long wallStart = System.nanoTime();
    stepper.runUntil(PAUSE);
    fixtures.setStatus(campaign.id(), "paused");
    engine.wake();
    stepper.runUntil(RESUME);
    fixtures.setStatus(campaign.id(), "active");
    engine.wake();
    boolean completed =
        stepper.runUntil(
            START.plus(Duration.ofDays(10)),
            () -> campaignStatus(campaign.id()).equals("completed"));
    long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
    System.out.printf(
        "[dialer] %s: 10k run wall %d ms, %d polls, simulated until %s%n",
        getClass().getSimpleName(), wallMillis, stepper.polls(), clock.instant());

    assertThat(completed).as("campaign completed").isTrue();
    CallAudit audit = audit();
    audit.assertCampaign(campaign.id(), 20, 4.0);
    List<CallAudit.Call> calls = audit.campaignCalls(campaign.id());
    assertThat(calls)
        .as("no call started while paused")
        .noneMatch(c -> c.startedAt().isAfter(PAUSE) && c.startedAt().isBefore(RESUME));
    assertThat(calls)
        .as("calls live at the pause finished normally")
        .anyMatch(c -> c.startedAt().isBefore(PAUSE) && c.endedAt().isAfter(PAUSE));
    assertThat(calls)
        .extracting(CallAudit.Call::status)
        .contains("completed", "no_answer", "busy", "voicemail", "failed");
    assertThat(calls.get(calls.size() - 1).startedAt())
        .as("the run spans several windows, across the DST change")
        .isAfter(Instant.parse("2025-11-02T14:00:00Z"));
    Map<String, Integer> stats = audit.contactStats(campaign.id());
    assertThat(stats.getOrDefault("pending", 0) + stats.getOrDefault("in_progress", 0)).isZero();
    assertThat(stats.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
  }
}
