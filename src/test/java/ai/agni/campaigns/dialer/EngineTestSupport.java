package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.telephony.simulated.SimulatedCarrier;
import ai.agni.campaigns.telephony.simulated.SimulatedProperties;
import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of engine tests: the application on an in-memory H2 database (PostgreSQL subclasses override
 * the datasource) with the engine's threads off. Each test builds its own steppable engine on a
 * {@link MutableClock}, a {@link ManualTaskTimer} and a seeded simulated carrier.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:engine;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "agni.dialer.enabled=false",
      "agni.data-dir=target/test-data"
    })
abstract class EngineTestSupport {

  static final long SEED = 20251101L;

  /** How far one poll reserves rate slots, and how often the stepper polls at most. */
  static final Duration STEP = Duration.ofSeconds(5);

  @Autowired DialerConfiguration.Stores stores;
  @Autowired DialerSettings settings;
  @Autowired Clock contextClock;
  @Autowired TaskTimer contextTimer;
  @Autowired SimulatedCarrier contextCarrier;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;

  EngineFixtures fixtures() {
    return new EngineFixtures(jdbc, template);
  }

  CallAudit audit() {
    return new CallAudit(jdbc);
  }

  /** A builder of extra engine nodes wired as the application wires its own. */
  EngineNodes nodes() {
    return new EngineNodes(stores, settings);
  }

  /** An engine of its own node on this clock and timer, dialing a seeded simulated carrier. */
  DialerEngine newEngine(MutableClock clock, ManualTaskTimer timer, SimulatedProperties carrier) {
    return nodes().on(clock, timer).simulated(carrier).horizon(STEP).build();
  }

  DialerEngine newEngine(MutableClock clock, ManualTaskTimer timer) {
    return newEngine(clock, timer, SimulatedProperties.withSeed(SEED));
  }

  /**
   * Engine loops on real threads, one per node id, on the context's clock and carrier. why the
   * short safety poll: a freed slot wakes only the node whose call ended, and these runs are about
   * nodes competing for shared capacity.
   */
  List<DialerLoop> competingNodes(String... nodeIds) {
    return java.util.Arrays.stream(nodeIds)
        .map(
            node ->
                nodes()
                    .on(contextClock, contextTimer)
                    .carrier(contextCarrier)
                    .node(node)
                    .pollInterval(Duration.ofMillis(20))
                    .writerThread()
                    .loop())
        .toList();
  }

  EngineStepper stepper(MutableClock clock, ManualTaskTimer timer, DialerEngine engine) {
    return new EngineStepper(clock, timer, engine, STEP);
  }

  /** The database product name ("H2", "PostgreSQL"), for benchmark tables. */
  String database() {
    return template.execute(
        (org.springframework.jdbc.core.ConnectionCallback<String>)
            c -> c.getMetaData().getDatabaseProductName());
  }

  String campaignStatus(UUID campaignId) {
    return jdbc.sql("SELECT status FROM campaigns WHERE id = ?")
        .param(campaignId)
        .query(String.class)
        .single();
  }

  Instant completedAt(UUID campaignId) {
    return jdbc.sql("SELECT completed_at FROM campaigns WHERE id = ?")
        .param(campaignId)
        .query((rs, n) -> ai.agni.campaigns.platform.Times.instant(rs, "completed_at"))
        .single();
  }

  /** Tests share one database: leave no running campaign or live call to the next test. */
  @AfterEach
  void stopLeftovers() {
    jdbc.sql(
            "UPDATE campaigns SET status = 'completed', execution_status = 'completed' WHERE status <> 'completed'")
        .update();
    jdbc.sql(
            "UPDATE calls SET status = 'failed', disconnect_reason = 'test_ended' WHERE status IN ('queued', 'ringing', 'in_progress')")
        .update();
    jdbc.sql("DELETE FROM engine_nodes").update();
    jdbc.sql("DELETE FROM live_calls").update();
    jdbc.sql("DELETE FROM waiting_calls").update();
    jdbc.sql("UPDATE campaign_queues SET next_work_at = NULL").update();
  }
}
