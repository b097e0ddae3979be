package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import ai.agni.campaigns.testsupport.QueueRows;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
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
import org.springframework.test.context.TestPropertySource;

/**
 * The engine's throughput; not a timed unit test. One campaign of {@code bench.contacts} contacts
 * (default 1,000,000), zero ring and talk time, no calls-per-second cap, concurrency 1,000, no
 * retries, dialed by one engine node on real threads until it completes; on H2 and on PostgreSQL
 * (the server of {@code AGNI_TEST_POSTGRES_URL}). Prints attempts per second, SQL statements per
 * attempt and the heap used as the campaign advances, to {@code target/bench/throughput.txt} too.
 * {@code scripts/bench-engine.sh} runs it between two measurements of the raw SQL limit.
 */
@Tag("bench")
@TestPropertySource(
    properties = {
      "agni.dialer.batch-size=1000",
      "agni.simulated.ring-ms=0",
      "agni.simulated.talk-ms=0",
      "agni.simulated.seed=11",
      "agni.simulated.outcomes=completed:0.7,busy:0.2,failed:0.1"
    })
class EngineThroughputBenchmark {

  static final int CONCURRENCY = 1_000;

  static int contacts() {
    return Integer.getInteger("bench.contacts", 1_000_000);
  }

  @Nested
  @DirtiesContext
  class OnH2 extends Run {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
      registry.add(
          "spring.datasource.url",
          () ->
              "jdbc:h2:file:./target/bench/throughput-h2-"
                  + UUID.randomUUID()
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
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

    @org.springframework.beans.factory.annotation.Autowired DialerMetrics metrics;

    @Test
    void oneMillionContactsAtFullSpeed() throws Exception {
      EngineFixtures fixtures = fixtures();
      UUID org = fixtures.anOrganization(CONCURRENT_ORG, 1_000_000);
      UUID agent = fixtures.anAgent(org);
      EngineFixtures.Line line = fixtures.aPhoneNumber(org, null, null);
      long loadStart = System.nanoTime();
      UUID campaign = campaignOf(org, agent, line, contacts());
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

      DialerLoop loop =
          nodes()
              .on(contextClock, contextTimer)
              .carrier(contextCarrier)
              .node("throughput")
              .writerThread()
              .loop();
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      List<long[]> samples = new ArrayList<>(); // {done, heap used bytes}
      StatementCounter.reset();
      long started = System.nanoTime();
      loop.start();
      try {
        while (!campaignStatus(campaign).equals("completed")) {
          Thread.sleep(500);
          samples.add(new long[] {finished(campaign), liveHeapAfterLastGc()});
          assertThat((System.nanoTime() - started) / 1e9).as("still running").isLessThan(3_600);
        }
      } finally {
        loop.stop();
      }
      double wall = (System.nanoTime() - started) / 1e9;
      long statements = StatementCounter.count();
      long calls =
          jdbc.sql("SELECT COUNT(*) FROM calls WHERE campaign_id = ?")
              .param(campaign)
              .query(Long.class)
              .single();
      assertThat(calls).isEqualTo(contacts());
      audit().assertCountersExact(campaign);

      String db = database();
      double rate = calls / wall;
      StringBuilder out = new StringBuilder();
      out.append(
          "[bench] engine throughput, %s: %,d contacts, 1 campaign, concurrency %,d, no cps cap, zero ring/talk, heap max %d MB%n"
              .formatted(db, contacts(), CONCURRENCY, memory.getHeapMemoryUsage().getMax() >> 20));
      out.append("  %-28s %.1f s%n".formatted("load (contacts + queue)", loadSeconds));
      out.append("  %-28s %.1f s%n".formatted("wall", wall));
      out.append("  %-28s %,.0f%n".formatted("attempts / second", rate));
      out.append(
          "  %-28s %.2f%n".formatted("SQL statements / attempt", statements / (double) calls));
      out.append("  %-28s %s%n".formatted("heap live after GC, MB/qtr", heapByQuarter(samples)));
      out.append("  %-28s %s%n".formatted("batch sizes, mean/max", metrics.batchSizes()));
      out.append(
          "THROUGHPUT %s %.0f%n"
              .formatted(db.toLowerCase().contains("postgres") ? "postgresql" : "h2", rate));
      System.out.print(out);
      Path dir = Path.of("target", "bench");
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("throughput.txt"), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static final int CONCURRENT_ORG = CONCURRENCY;

    /** The campaign and its queue, generated inside the database (no rows held by this JVM). */
    UUID campaignOf(UUID org, UUID agent, EngineFixtures.Line line, int count) {
      UUID id =
          fixtures()
              .aRunningCampaign()
              .in(org, agent, line)
              .withContactIds(List.of())
              .maxConcurrent(CONCURRENCY)
              .retries(0, 30)
              .create()
              .id();
      boolean postgres = database().toLowerCase().contains("postgres");
      String series =
          postgres
              // why time-ordered ids (as the service's own, UUID v7): random keys scatter every
              // batch over the whole index.
              ? "SELECT (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7'"
                  + " || lpad(to_hex(g), 19, '0'))::uuid AS id, g AS n"
                  + " FROM generate_series(1, ?) g"
              : "SELECT RANDOM_UUID(7) AS id, r.\"X\" AS n FROM SYSTEM_RANGE(1, ?) r";
      Instant created = Instant.parse("2020-01-01T00:00:00Z");
      jdbc.sql(
              """
              INSERT INTO contacts (id, organization_id, first_name, phone, metadata, tags,
                created_at, updated_at)
              SELECT s.id, ?, 'First', CONCAT('+1646', LPAD(CAST(s.n AS VARCHAR), 7, '0')), '{}',
                '[]', ?, ? FROM (%s) s
              """
                  .formatted(series))
          .params(org, Times.db(created), Times.db(created), count)
          .update();
      jdbc.sql(
              """
              INSERT INTO campaign_contacts (campaign_id, contact_id, organization_id, state,
                attempts, version, added_at, updated_at)
              SELECT ?, id, organization_id, 'pending', 0, 0, created_at, created_at
              FROM contacts WHERE organization_id = ?
              """)
          .params(id, org)
          .update();
      QueueRows.sync(jdbc, id, created);
      return id;
    }

    long finished(UUID campaign) {
      return jdbc.sql(
              "SELECT successful + no_answer + failed FROM campaign_queues WHERE campaign_id = ?")
          .param(campaign)
          .query(Long.class)
          .single();
    }

    /** Heap still used after the last collection of each pool: the live set, not garbage. */
    static long liveHeapAfterLastGc() {
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          used += pool.getCollectionUsage().getUsed();
        }
      }
      return used;
    }

    /** The largest heap-used sample in each quarter of the run's progress, in MB. */
    static String heapByQuarter(List<long[]> samples) {
      long total = contacts();
      long[] max = new long[4];
      for (long[] s : samples) {
        int quarter = (int) Math.min(3, s[0] * 4 / Math.max(1, total));
        max[quarter] = Math.max(max[quarter], s[1] >> 20);
      }
      return "%d / %d / %d / %d".formatted(max[0], max[1], max[2], max[3]);
    }
  }
}
