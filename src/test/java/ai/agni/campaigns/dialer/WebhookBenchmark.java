package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.organization.Organization;
import ai.agni.campaigns.platform.SecretCipher;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import ai.agni.campaigns.testsupport.QueueRows;
import ai.agni.campaigns.webhook.SteppedDeliverer;
import ai.agni.campaigns.webhook.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * Webhooks under load; not a timed unit test. In one run, on one engine node on real threads (zero
 * ring and talk time, no calls-per-second cap): two warm-up campaigns, then campaigns of {@code
 * bench.webhook.contacts} contacts (default 10,000): without webhook URL; with one URL and nothing
 * sending (the outbox's own cost); then the drain of that backlog to a local receiver ({@link
 * WebhookReceiver}, 127.0.0.1, answering 200) by a deliverer on real threads; with one URL while
 * the deliverer sends; and without again. Prints attempts per second and ratios, deliveries per
 * second and the delivery lag (event written to received) percentiles; to {@code
 * target/bench/webhooks.txt} too. {@code scripts/bench-webhooks.sh} runs it.
 */
@Tag("bench")
@TestPropertySource(
    properties = {
      "agni.dialer.batch-size=1000",
      "agni.simulated.ring-ms=0",
      "agni.simulated.talk-ms=0",
      "agni.simulated.seed=11",
      "agni.simulated.outcomes=completed:0.7,busy:0.2,failed:0.1",
      "agni.outbound.allow-private=true",
      "agni.webhooks.enabled=false"
    })
class WebhookBenchmark {

  static int contacts() {
    return Integer.getInteger("bench.webhook.contacts", 10_000);
  }

  @Nested
  @DirtiesContext
  class OnH2 extends Run {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
      registry.add(
          "spring.datasource.url",
          () ->
              "jdbc:h2:file:./target/bench/webhooks-h2-"
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

  abstract static class Run extends EngineTestSupport {

    @org.springframework.beans.factory.annotation.Autowired ObjectMapper json;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @org.springframework.beans.factory.annotation.Autowired SecretCipher cipher;
    private int phones;

    @Test
    void engineWithAndWithoutWebhooksAndDeliveryToALocalReceiver() throws Exception {
      try (WebhookReceiver receiver = new WebhookReceiver()) {
        EngineFixtures fixtures = fixtures();
        UUID org = fixtures.anOrganization(1_000, 1_000_000);
        EngineFixtures.Line line = fixtures.aPhoneNumber(org, null, null);
        UUID quiet = fixtures.anAgent(org);
        UUID hooked = fixtures.anAgent(org);
        jdbc.sql("UPDATE agents SET webhook_urls = ? WHERE id = ?")
            .params("[\"" + receiver.url("/bench") + "\"]", hooked)
            .update();
        // why: the fixture's secret is a placeholder; deliveries sign with a sealed one.
        jdbc.sql("UPDATE organizations SET webhook_secret = ? WHERE id = ?")
            .params(cipher.seal("bench-secret", Organization.WEBHOOK_SECRET), org)
            .update();

        // why both: the JIT compiles the outbox's path too before anything is measured.
        run(org, quiet, line, contacts() / 5);
        run(org, hooked, line, contacts() / 5);
        double without = run(org, quiet, line, contacts());
        double outboxOnly = run(org, hooked, line, contacts());
        long backlog = deliveries(org);
        long drainStart = System.nanoTime();
        double drainRate;
        try (AutoCloseable loop = SteppedDeliverer.running(context, "bench-deliverer")) {
          waitFor(receiver, backlog);
          drainRate = backlog / ((System.nanoTime() - drainStart) / 1e9);
          receiver.clear();
          long written = System.currentTimeMillis();
          double with = run(org, hooked, line, contacts());
          long deliveries = deliveries(org) - backlog;
          waitFor(receiver, deliveries);
          // why again: later runs of one JVM are faster (JIT); the mean of the first and last
          // run without webhooks brackets the two with them.
          double withoutAgain = run(org, quiet, line, contacts());
          System.out.printf(
              "[bench] %s: no webhooks, first run %,.0f, last run %,.0f attempts/s%n",
              database(), without, withoutAgain);
          report(
              receiver,
              (without + withoutAgain) / 2,
              outboxOnly,
              with,
              backlog,
              drainRate,
              deliveries,
              written);
        }
      }
    }

    private long deliveries(UUID org) {
      return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE organization_id = ?")
          .param(org)
          .query(Long.class)
          .single();
    }

    private static void waitFor(WebhookReceiver receiver, long count) throws Exception {
      long waitStart = System.nanoTime();
      while (receiver.count() < count) {
        Thread.sleep(20);
        assertThat((System.nanoTime() - waitStart) / 1e9).as("deliveries").isLessThan(600);
      }
    }

    private void report(
        WebhookReceiver receiver,
        double without,
        double outboxOnly,
        double with,
        long backlog,
        double drainRate,
        long deliveries,
        long written)
        throws Exception {
      {
        List<WebhookReceiver.Received> got = receiver.received();
        long first = got.get(0).receivedAtMillis();
        long last = got.get(got.size() - 1).receivedAtMillis();
        List<Long> lags = new ArrayList<>();
        for (WebhookReceiver.Received r : got) {
          Instant created = Instant.parse(json.readTree(r.body()).get("created_at").asString());
          lags.add(r.receivedAtMillis() - created.toEpochMilli());
        }
        Collections.sort(lags);
        String db = database();
        StringBuilder out = new StringBuilder();
        out.append(
            "[bench] webhooks, %s: %,d contacts per campaign, 1 engine node, zero ring/talk, 1 URL (one stream: strictly ordered)%n"
                .formatted(db, contacts()));
        out.append(
            "  %-44s %,.0f%n".formatted("engine attempts/s, no webhooks (mean of 2)", without));
        out.append(
            "  %-44s %,.0f (ratio %.2f)%n"
                .formatted(
                    "engine attempts/s, outbox written, no sending",
                    outboxOnly,
                    outboxOnly / without));
        out.append(
            "  %-44s %,.0f (ratio %.2f)%n"
                .formatted(
                    "engine attempts/s, outbox + delivering meanwhile", with, with / without));
        out.append(
            "  %-44s %,.0f/s (%,d deliveries)%n"
                .formatted("draining a backlog, engine idle", drainRate, backlog));
        out.append("  %-44s %,d%n".formatted("deliveries while the engine ran", deliveries));
        out.append(
            "  %-44s %,.0f%n"
                .formatted(
                    "deliveries/s (first to last)",
                    deliveries / Math.max(0.001, (last - first) / 1e3)));
        out.append(
            "  %-44s %,.1f s%n".formatted("all delivered after run start", (last - written) / 1e3));
        out.append(
            "  %-44s p50 %,d / p95 %,d / p99 %,d / max %,d%n"
                .formatted(
                    "delivery lag, ms",
                    pct(lags, 50),
                    pct(lags, 95),
                    pct(lags, 99),
                    lags.get(lags.size() - 1)));
        System.out.print(out);
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(
            dir.resolve("webhooks.txt"), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(got).extracting(WebhookReceiver.Received::eventId).doesNotHaveDuplicates();
      }
    }

    /** One campaign of {@code count} contacts dialed to completion; returns attempts per second. */
    private double run(UUID org, UUID agent, EngineFixtures.Line line, int count) throws Exception {
      UUID campaign =
          fixtures()
              .aRunningCampaign()
              .in(org, agent, line)
              .withContactIds(List.of())
              .maxConcurrent(1_000)
              .retries(0, 30)
              .create()
              .id();
      Instant created = Instant.parse("2020-01-01T00:00:00Z");
      boolean postgres = database().toLowerCase().contains("postgres");
      String series =
          postgres
              ? "SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, ?) g"
              : "SELECT RANDOM_UUID(7) AS id, r.\"X\" AS n FROM SYSTEM_RANGE(1, ?) r";
      jdbc.sql(
              """
              INSERT INTO contacts (id, organization_id, first_name, phone, metadata, tags,
                created_at, updated_at)
              SELECT s.id, ?, 'First', CONCAT('+1646', LPAD(CAST(s.n + ? AS VARCHAR), 7, '0')),
                '{}',
                '[]', ?, ? FROM (%s) s
              """
                  .formatted(series))
          .params(org, phones, Times.db(created), Times.db(created), count)
          .update();
      jdbc.sql(
              """
              INSERT INTO campaign_contacts (campaign_id, contact_id, organization_id, state,
                attempts, version, added_at, updated_at)
              SELECT ?, id, organization_id, 'pending', 0, 0, created_at, created_at
              FROM contacts c WHERE organization_id = ? AND NOT EXISTS (
                SELECT 1 FROM campaign_contacts x WHERE x.contact_id = c.id)
              """)
          .params(campaign, org)
          .update();
      QueueRows.sync(jdbc, campaign, created);
      phones += count;
      DialerLoop loop =
          nodes()
              .on(contextClock, contextTimer)
              .carrier(contextCarrier)
              .node("bench-" + UUID.randomUUID())
              .writerThread()
              .loop();
      long started = System.nanoTime();
      loop.start();
      try {
        while (!campaignStatus(campaign).equals("completed")) {
          Thread.sleep(50);
          assertThat((System.nanoTime() - started) / 1e9).as("still running").isLessThan(600);
        }
      } finally {
        loop.stop();
      }
      double wall = (System.nanoTime() - started) / 1e9;
      long calls =
          jdbc.sql("SELECT COUNT(*) FROM calls WHERE campaign_id = ?")
              .param(campaign)
              .query(Long.class)
              .single();
      assertThat(calls).isEqualTo(count);
      return calls / wall;
    }

    private static long pct(List<Long> sorted, int p) {
      return sorted.get(
          Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
  }
}
