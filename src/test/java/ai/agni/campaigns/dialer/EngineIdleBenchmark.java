package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import ai.agni.campaigns.testsupport.QueueRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What running campaigns cost while they have nothing to do; not a timed unit test. 10,000 running
 * campaigns in 100 organizations, half outside their window (a weekday other than today), half
 * inside it with their one contact waiting for a retry tomorrow. One engine node on real threads
 * plans them, then idles: the benchmark counts its SQL statements per second, then activates 40 new
 * campaigns one at a time and measures each one's first-dial lag (activation to the call's start).
 * Prints to {@code target/bench/idle.txt} too.
 */
@Tag("bench")
@FastSimulatedCarrier
class EngineIdleBenchmark {

  static final int ORGS = 100;
  static final int CAMPAIGNS_PER_ORG = 100;
  static final int ACTIVATIONS = 40;
  static final Duration IDLE = Duration.ofSeconds(10);

  @Nested
  @DirtiesContext
  class OnH2 extends Run {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
      registry.add(
          "spring.datasource.url",
          () ->
              "jdbc:h2:mem:idle-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                  + "DEFAULT_NULL_ORDERING=HIGH");
    }
  }

  @Nested
  @DirtiesContext
  @PostgresTest
  class OnPostgres extends Run {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
      PostgresDatabase.register(registry, PostgresDatabase.newSchema());
    }
  }

  @Import(StatementCounter.class)
  abstract static class Run extends EngineTestSupport {

    @Test
    void tenThousandIdleCampaigns() throws Exception {
      EngineFixtures fixtures = fixtures();
      Instant now = contextClock.instant();
      int today = now.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() % 7;
      String otherDay = Integer.toString((today + 3) % 7);
      long loadStart = System.nanoTime();
      List<UUID> orgs = new ArrayList<>();
      for (int o = 0; o < ORGS; o++) {
        UUID org = fixtures.anOrganization(50, 10);
        UUID agent = fixtures.anAgent(org);
        EngineFixtures.Line line = fixtures.aPhoneNumber(org, null, null);
        orgs.add(org);
        for (int c = 0; c < CAMPAIGNS_PER_ORG; c++) {
          var builder = fixtures.aRunningCampaign().in(org, agent, line).withContacts(1);
          if (c % 2 == 0) {
            builder.window("00:00", "23:59", otherDay, "UTC");
            builder.create();
          } else {
            UUID id = builder.create().id();
            jdbc.sql(
                    "UPDATE campaign_contacts SET attempts = 1, next_attempt_at = ?"
                        + " WHERE campaign_id = ?")
                .params(Times.db(now.plus(Duration.ofDays(1))), id)
                .update();
            QueueRows.sync(jdbc, id, now.minusSeconds(1));
          }
        }
      }
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

      EngineNodes node =
          nodes()
              .on(contextClock, contextTimer)
              .carrier(contextCarrier)
              .node("idle")
              .writerThread();
      DialerEngine engine = node.build();
      DialerLoop loop = new DialerLoop(engine, contextClock, node.settings());
      long planStart = System.nanoTime();
      loop.start();
      try {
        await()
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> StatementCounter.uncounted(() -> dueNow() == 0));
        double planSeconds = (System.nanoTime() - planStart) / 1e9;
        StatementCounter.reset();
        Thread.sleep(IDLE.toMillis());
        double idlePerSecond = StatementCounter.count() / (double) IDLE.toSeconds();

        long[] lags = new long[ACTIVATIONS];
        // why an organization of its own: at 10 calls per second the rate, not the engine, would
        // set the lag of activations a few milliseconds apart.
        UUID org = StatementCounter.uncounted(() -> fixtures.anOrganization(50, 1000));
        for (int i = 0; i < ACTIVATIONS; i++) {
          UUID campaign =
              StatementCounter.uncounted(
                  () ->
                      fixtures
                          .aRunningCampaign()
                          .in(org, fixtures.anAgent(org), fixtures.aPhoneNumber(org, null, null))
                          .withContacts(1)
                          .create()
                          .id());
          Instant activated = contextClock.instant();
          engine.wake(); // what the campaign API's commit does
          await()
              .atMost(Duration.ofSeconds(10))
              .pollInterval(Duration.ofMillis(2))
              .until(() -> StatementCounter.uncounted(() -> startedAt(campaign) != null));
          lags[i] = Duration.between(activated, startedAt(campaign)).toMillis();
        }
        java.util.Arrays.sort(lags);
        String db = database();
        StringBuilder out = new StringBuilder();
        out.append(
            "[bench] idle cost, %s: %,d running campaigns in %d organizations, half outside their window%n"
                .formatted(db, ORGS * CAMPAIGNS_PER_ORG, ORGS));
        out.append("  %-28s %.1f s%n".formatted("load", loadSeconds));
        out.append("  %-28s %.1f s%n".formatted("first planning pass", planSeconds));
        out.append("  %-28s %.1f%n".formatted("idle SQL statements / s", idlePerSecond));
        out.append(
            "  %-28s p50 %d  p99 %d  max %d (%d activations)%n"
                .formatted(
                    "first-dial lag, ms",
                    EngineBenchmark.pct(lags, 50),
                    EngineBenchmark.pct(lags, 99),
                    lags[lags.length - 1],
                    ACTIVATIONS));
        System.out.print(out);
        write(out);
        assertThat(idlePerSecond).isPositive();
      } finally {
        loop.stop();
      }
    }

    int dueNow() {
      return jdbc.sql("SELECT COUNT(*) FROM campaign_queues WHERE next_work_at <= ?")
          .param(Times.db(contextClock.instant()))
          .query(Integer.class)
          .single();
    }

    Instant startedAt(UUID campaign) {
      List<Instant> started =
          jdbc.sql("SELECT started_at FROM calls WHERE campaign_id = ?")
              .param(campaign)
              .query((rs, n) -> Times.instant(rs, "started_at"))
              .list();
      return started.isEmpty() ? null : started.get(0);
    }

    static void write(CharSequence text) throws IOException {
      Path dir = Path.of("target", "bench");
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("idle.txt"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }
}
