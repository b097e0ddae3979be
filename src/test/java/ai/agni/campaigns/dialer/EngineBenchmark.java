package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.campaign.schedule.RetryPolicy;
import ai.agni.campaigns.telephony.simulated.SimulatedProperties;
import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Measures the dialer engine; not a timed unit test. Run with
 *
 * <pre>mvn -o -Pbench test</pre>
 *
 * (tag {@code bench}, {@code -Xmx256m}). On H2 and on PostgreSQL (skipped with a notice when no
 * server is reachable):
 *
 * <ul>
 *   <li>stepped simulated time: one organization, 4 campaigns, 20,000 contacts (4,000 on
 *       PostgreSQL, see {@link OnPostgres#contactsPerCampaign}), the default carrier mix and
 *       durations, caps 50 concurrent / 20 cps, stepped like a loaded loop (a poll at most every
 *       {@link #BENCH_STEP}, which is also the claim horizon, the production default);
 *   <li>PostgreSQL only: two {@link DialerLoop} nodes on real threads, 5,000 millisecond calls.
 * </ul>
 *
 * Every figure is computed from the {@code calls} rows after the run, so measuring does not change
 * what is measured; SQL statements are counted by {@link StatementCounter}. Each run prints one
 * table, also appended to {@code target/bench/engine.txt}.
 */
@Tag("bench")
class EngineBenchmark {

  static final Duration BENCH_STEP = Duration.ofSeconds(1);
  static final int CAMPAIGNS = 4;
  static final int CONTACTS_PER_CAMPAIGN = 5_000;
  static final int ORG_CONCURRENT = 50;
  static final double ORG_CPS = 20;
  // Monday 3 November 2025, 08:00 UTC; the window 00:00–23:59 UTC stays open for the whole run.
  static final Instant START = Instant.parse("2025-11-03T08:00:00Z");

  static final int CLUSTER_CONTACTS = 5_000;
  static final int CLUSTER_CONCURRENT = 20;
  static final double CLUSTER_CPS = 500;

  @Nested
  @DirtiesContext
  class OnH2 extends Runs {
    // why: its own in-memory database, dropped with the context (no DB_CLOSE_DELAY), so the
    // import benchmark in the same 256 MB JVM does not carry these rows.
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
      registry.add(
          "spring.datasource.url",
          () ->
              "jdbc:h2:mem:engine-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                  + "DEFAULT_NULL_ORDERING=HIGH");
    }
  }

  @Nested
  @DirtiesContext
  @PostgresTest
  // Only the cluster run uses the context's carrier; the stepped run builds its own.
  @FastSimulatedCarrier
  class OnPostgres extends Runs {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
      PostgresDatabase.register(registry, PostgresDatabase.newSchema());
    }

    // why: 20,000 contacts took 282 s on PostgreSQL here, because this machine's server runs with
    // autovacuum off: dead versions of updated calls rows pile up in the live-call index (3 ms and
    // 2,500 buffers per live count after 36,000 calls). A fifth keeps the run near a minute;
    // -Dbench.pg.contacts=5000 restores the full size.
    @Override
    int contactsPerCampaign() {
      return Integer.getInteger("bench.pg.contacts", 1_000);
    }

    @Test
    void twoNodesOnRealThreads() {
      EngineFixtures fixtures = fixtures();
      UUID org = fixtures.anOrganization(CLUSTER_CONCURRENT, CLUSTER_CPS);
      UUID agent = fixtures.anAgent(org);
      jdbc.sql("UPDATE agents SET ring_duration_ms = 50 WHERE id = ?").param(agent).update();
      var campaign =
          fixtures
              .aRunningCampaign()
              .in(org, agent, fixtures.aPhoneNumber(org, null, null))
              .withContacts(CLUSTER_CONTACTS)
              .maxConcurrent(CLUSTER_CONCURRENT)
              .retries(0, 30)
              .create();
      List<DialerLoop> loops = competingNodes("bench-a", "bench-b");
      StatementCounter.reset();
      Instant due = contextClock.instant();
      long started = System.nanoTime();
      loops.forEach(DialerLoop::start);
      try {
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> campaignStatus(campaign.id()).equals("completed"));
      } finally {
        loops.forEach(DialerLoop::stop);
      }
      double wall = (System.nanoTime() - started) / 1e9;
      // Includes Awaitility's status reads (about 10 a second): noise against the engine's.
      long statements = StatementCounter.count();

      List<CallAudit.Call> calls = audit().campaignCalls(campaign.id());
      assertThat(calls).hasSize(CLUSTER_CONTACTS);
      long[] lag =
          calls.stream()
              .mapToLong(c -> Duration.between(due, c.startedAt()).toMillis())
              .sorted()
              .toArray();
      int peak = CallAudit.peakConcurrency(calls);
      Table table =
          new Table(
              "engine, two nodes on real threads, PostgreSQL: %,d contacts, 1 campaign; caps %d concurrent / %.0f cps; calls %s"
                  .formatted(
                      CLUSTER_CONTACTS,
                      CLUSTER_CONCURRENT,
                      CLUSTER_CPS,
                      "ring ~5 ms, talk ~20 ms"));
      table.row("wall", "%.1f s", wall);
      table.row("calls placed", "%,d", calls.size());
      table.row("calls / wall-second", "%,.0f", calls.size() / wall);
      table.row(
          "SQL statements / call",
          "%.1f (%,d in all)",
          statements / (double) calls.size(),
          statements);
      table.row(
          "dial lag (start - due), ms",
          "p50 %,d  p95 %,d  p99 %,d  max %,d",
          pct(lag, 50),
          pct(lag, 95),
          pct(lag, 99),
          lag[lag.length - 1]);
      table.row("peak concurrency / cap", "%d / %d", peak, CLUSTER_CONCURRENT);
      table.print();
      assertThat(peak).isLessThanOrEqualTo(CLUSTER_CONCURRENT);
    }
  }

  /** The runs each database gets. */
  @Import(StatementCounter.class)
  abstract static class Runs extends EngineTestSupport {

    @Test
    void steppedSimulatedTime() {
      EngineFixtures fixtures = fixtures();
      UUID org = fixtures.anOrganization(ORG_CONCURRENT, ORG_CPS);
      UUID agent = fixtures.anAgent(org);
      EngineFixtures.Line line = fixtures.aPhoneNumber(org, null, null);
      List<UUID> campaigns = new ArrayList<>();
      for (int i = 0; i < CAMPAIGNS; i++) {
        campaigns.add(
            fixtures
                .aRunningCampaign()
                .in(org, agent, line)
                .withContacts(contactsPerCampaign())
                .maxConcurrent(ORG_CONCURRENT)
                .retries(2, 30)
                .create()
                .id());
      }
      MutableClock clock = new MutableClock(START);
      ManualTaskTimer timer = new ManualTaskTimer();
      DialerEngine engine = newSteppedEngine(clock, timer);
      EngineStepper stepper = new EngineStepper(clock, timer, engine, BENCH_STEP);

      StatementCounter.reset();
      long started = System.nanoTime();
      boolean completed =
          stepper.runUntil(
              START.plus(Duration.ofDays(2)),
              () -> StatementCounter.uncounted(() -> activeCampaigns(org) == 0));
      double wall = (System.nanoTime() - started) / 1e9;
      long statements = StatementCounter.count();
      Duration simulated = Duration.between(START, clock.instant());
      assertThat(completed).as("all campaigns completed").isTrue();

      List<CallAudit.Call> calls = new ArrayList<>();
      for (UUID id : campaigns) {
        calls.addAll(audit().campaignCalls(id));
      }
      // The campaigns share their rules.
      DialingRules rules = audit().rules(campaigns.get(0));
      List<CallAudit.Call> placed = calls.stream().filter(c -> c.startedAt() != null).toList();
      long retries = placed.stream().filter(c -> c.attempt() > 1).count();
      Lags lags = lags(placed, rules);
      Busy busy = busy(placed);

      Table table =
          new Table(
              "engine, stepped simulated time, %s: 1 org, %d campaigns, %,d contacts, retries 2 x 30 min; caps %d concurrent / %.0f cps; default carrier mix"
                  .formatted(
                      database(),
                      CAMPAIGNS,
                      CAMPAIGNS * contactsPerCampaign(),
                      ORG_CONCURRENT,
                      ORG_CPS));
      table.row("wall", "%.1f s", wall);
      table.row("simulated", "%s", human(simulated));
      table.row("polls", "%,d", stepper.polls());
      table.row(
          "calls placed",
          "%,d (%,d first, %,d retries)",
          placed.size(),
          placed.size() - retries,
          retries);
      table.row("calls / wall-second", "%,.0f", placed.size() / wall);
      table.row(
          "SQL statements / call",
          "%.1f (%,d in all, %.1f per poll)",
          statements / (double) placed.size(),
          statements,
          statements / (double) stepper.polls());
      table.row(
          "busy period", "%,d s (first start to last first attempt)", busy.startsPerSecond.length);
      table.row(
          "CPS / cap per second",
          "p50 %.2f  p95 %.2f",
          pct(busy.startsPerSecond, 50) / ORG_CPS,
          pct(busy.startsPerSecond, 95) / ORG_CPS);
      table.row(
          "live / cap per second",
          "p50 %.2f  p95 %.2f",
          pct(busy.livePerSecond, 50) / (double) ORG_CONCURRENT,
          pct(busy.livePerSecond, 95) / (double) ORG_CONCURRENT);
      table.row("dial lag, first, sim ms", "%s", lags.first);
      table.row("dial lag, retries, sim ms", "%s", lags.retries);
      table.print();
    }

    int contactsPerCampaign() {
      return CONTACTS_PER_CAMPAIGN;
    }

    DialerEngine newSteppedEngine(MutableClock clock, ManualTaskTimer timer) {
      return nodes()
          .on(clock, timer)
          .simulated(SimulatedProperties.withSeed(SEED))
          .node("bench-" + UUID.randomUUID())
          .horizon(BENCH_STEP)
          .build();
    }

    int activeCampaigns(UUID org) {
      return jdbc.sql(
              "SELECT COUNT(*) FROM campaigns WHERE organization_id = ? AND status = 'active'")
          .param(org)
          .query(Integer.class)
          .single();
    }

    /**
     * Dial lag = started_at − the instant the contact became due: the start of the run for first
     * attempts (every contact is due at once), the retry policy's instant after the previous
     * attempt ended for retries.
     */
    static Lags lags(List<CallAudit.Call> placed, DialingRules rules) {
      Map<String, CallAudit.Call> byAttempt = new HashMap<>();
      placed.forEach(c -> byAttempt.put(c.contactId() + "#" + c.attempt(), c));
      List<Long> first = new ArrayList<>();
      List<Long> retries = new ArrayList<>();
      for (CallAudit.Call c : placed) {
        if (c.attempt() == 1) {
          first.add(Duration.between(START, c.startedAt()).toMillis());
          continue;
        }
        CallAudit.Call previous = byAttempt.get(c.contactId() + "#" + (c.attempt() - 1));
        Instant due =
            RetryPolicy.nextAttemptAt(
                    previous.attempt(),
                    rules.retryAttempts(),
                    rules.retryGapMin(),
                    previous.endedAt(),
                    rules.window(),
                    rules.zone())
                .orElseThrow();
        retries.add(Duration.between(due, c.startedAt()).toMillis());
      }
      return new Lags(summary(first), summary(retries));
    }

    /** Per simulated second of the busy period: starts, and calls live at the second's start. */
    static Busy busy(List<CallAudit.Call> placed) {
      Instant from =
          placed.stream().map(CallAudit.Call::startedAt).min(Instant::compareTo).orElseThrow();
      Instant to =
          placed.stream()
              .filter(c -> c.attempt() == 1)
              .map(CallAudit.Call::startedAt)
              .max(Instant::compareTo)
              .orElseThrow();
      int seconds = (int) Duration.between(from, to).toSeconds();
      long[] starts = new long[seconds];
      long[] liveDelta = new long[seconds + 1];
      for (CallAudit.Call c : placed) {
        long s = Duration.between(from, c.startedAt()).toSeconds();
        if (s < seconds) {
          starts[(int) s]++;
        }
        // live at second k's start when started <= from+k < ended
        long firstLive = ceilSeconds(Duration.between(from, c.startedAt()));
        long lastLive = ceilSeconds(Duration.between(from, c.endedAt())) - 1;
        if (firstLive < seconds && lastLive >= 0) {
          liveDelta[(int) firstLive]++;
          liveDelta[(int) Math.min(seconds, lastLive + 1)]--;
        }
      }
      long[] live = new long[seconds];
      long running = 0;
      for (int k = 0; k < seconds; k++) {
        running += liveDelta[k];
        live[k] = running;
      }
      Arrays.sort(starts);
      Arrays.sort(live);
      return new Busy(starts, live);
    }

    private static long ceilSeconds(Duration d) {
      long s = d.toSeconds();
      return d.minusSeconds(s).isZero() ? s : s + 1;
    }
  }

  record Lags(String first, String retries) {}

  record Busy(long[] startsPerSecond, long[] livePerSecond) {}

  static String summary(List<Long> values) {
    if (values.isEmpty()) {
      return "none";
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return "p50 %,d  p95 %,d  p99 %,d  max %,d"
        .formatted(pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1]);
  }

  /** Nearest-rank percentile of sorted values. */
  static long pct(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static String human(Duration d) {
    return "%dh %02dm %02ds".formatted(d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  /** One compact two-column table, printed and appended to target/bench/engine.txt. */
  static final class Table {
    private final StringBuilder text = new StringBuilder();

    Table(String title) {
      text.append("[bench] ").append(title).append('\n');
    }

    void row(String name, String format, Object... args) {
      text.append("  %-28s %s%n".formatted(name, format.formatted(args)));
    }

    void print() {
      System.out.print(text);
      try {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(
            dir.resolve("engine.txt"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        System.out.println("[bench] could not write target/bench/engine.txt: " + e);
      }
    }
  }
}
