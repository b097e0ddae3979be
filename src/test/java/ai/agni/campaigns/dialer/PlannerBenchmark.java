package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.campaign.schedule.CalleeZones;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.telephony.simulated.SimulatedProperties;
import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import ai.agni.campaigns.testsupport.QueueRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The planner's cost per poll; not a timed unit test. One campaign of {@code bench.contacts}
 * contacts (default 1,000,000; on H2 {@code bench.h2.contacts}, default the same) with US numbers
 * of a dozen area codes over every US zone, some numbers in two zones; window 09:00–18:00
 * America/New_York every day, concurrency 20, no retries. Measured first in {@code contact} mode
 * (each callee's window in its own zones: the planner reads the zone groups and counts and claims
 * only in the open ones, one index range each), then the same campaign switched to {@code campaign}
 * mode (one range over the whole queue), each:
 *
 * <ul>
 *   <li>at 08:00 UTC, every zone closed: the poll that plans the next opening, then an idle poll;
 *   <li>at 15:00 UTC (New York, Chicago, Denver open; Phoenix, the Pacific, Alaska, Hawaii closed):
 *       {@link #WARM_UP} polls, then {@link #POLLS} measured ones, 30 s of simulated time apart;
 *       between two polls the timer runs the calls (zero ring and talk time) to their end, so every
 *       poll finds the campaign due with 20 free slots and claims again.
 * </ul>
 *
 * For each poll: the SQL statements of {@code pollOnce()} ({@link StatementCounter}) and its wall
 * time. Then the plans of the zone group's due count and claim ({@code EXPLAIN}). Prints a table,
 * also appended to {@code target/bench/planner.txt}. {@code scripts/bench-planner.sh} runs it.
 */
@Tag("bench")
class PlannerBenchmark {

  static final int WARM_UP = 10;
  static final int POLLS = 50;
  static final int CONCURRENCY = 20;
  static final Duration GAP = Duration.ofSeconds(30);
  static final Instant CLOSED = Instant.parse("2026-06-02T08:00:00Z");
  static final Instant OPEN = Instant.parse("2026-06-02T15:00:00Z");
  static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

  /** Area codes over the US zones; 602, 605, 208 and 907 map to two zones each. */
  static final List<String> AREAS =
      List.of("212", "270", "850", "312", "303", "602", "605", "415", "541", "208", "907", "808");

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
              "jdbc:h2:file:./target/bench/planner-h2-"
                  + UUID.randomUUID()
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Override
    int size() {
      return Integer.getInteger("bench.h2.contacts", contacts());
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

  /** One mode's figures. */
  record Figures(
      String mode,
      long closedPlanStatements,
      double closedPlanMs,
      List<String> closedPlanSql,
      long idleStatements,
      Instant plannedAt,
      long[] statements,
      double[] ms,
      long claimed) {}

  @Import(StatementCounter.class)
  abstract static class Run extends EngineTestSupport {

    @Autowired PlatformTransactionManager transactions;

    int size() {
      return contacts();
    }

    boolean postgres() {
      return database().toLowerCase().contains("postgres");
    }

    @Test
    void contactModeAgainstCampaignMode() throws Exception {
      EngineFixtures fixtures = fixtures();
      UUID org = fixtures.anOrganization(1_000, 1_000);
      UUID agent = fixtures.anAgent(org);
      EngineFixtures.Line line = fixtures.aPhoneNumber(org, null, null);
      UUID campaign =
          fixtures
              .aRunningCampaign()
              .in(org, agent, line)
              .withContactIds(List.of())
              .maxConcurrent(CONCURRENCY)
              .retries(0, 30)
              .compliance("contact", "", null)
              .window("09:00", "18:00", "0,1,2,3,4,5,6", "America/New_York")
              .create()
              .id();
      long loadStart = System.nanoTime();
      load(org, campaign, size());
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      Map<String, Long> groups = groupSizes(campaign);

      Figures contact = measure(campaign, "contact", CLOSED, OPEN);
      String contactPlans = plans(org, campaign, true);
      jdbc.sql("UPDATE campaigns SET window_timezone = 'campaign' WHERE id = ?")
          .param(campaign)
          .update();
      Duration day = Duration.ofDays(1);
      Figures whole = measure(campaign, "campaign", CLOSED.plus(day), OPEN.plus(day));
      String campaignPlans = plans(org, campaign, false);

      StringBuilder out = new StringBuilder();
      String db = database();
      out.append(
          "[bench] planner per poll, %s: %,d contacts, 1 campaign, window 09:00-18:00 America/New_York, concurrency %d, load %.1f s%n"
              .formatted(db, size(), CONCURRENCY, loadSeconds));
      out.append("  zone groups (contacts): ");
      out.append(String.join(", ", groups.entrySet().stream().map(this::group).toList()));
      out.append("%n".formatted());
      out.append(
          "  open at %s: %s%n"
              .formatted(
                  OPEN,
                  String.join(
                      ", ",
                      groups.keySet().stream()
                          .filter(k -> openAt(k, OPEN))
                          .map(k -> k.isEmpty() ? "''" : k)
                          .toList())));
      out.append(
          "  %-9s %-10s %9s %6s | %-34s | %-26s | %s%n"
              .formatted(
                  "mode",
                  "database",
                  "contacts",
                  "groups",
                  "open: statements/poll  ms p50/p95/max",
                  "all closed: plan poll st/ms",
                  "idle poll st"));
      for (Figures f : List.of(contact, whole)) {
        long[] st = f.statements().clone();
        Arrays.sort(st);
        double[] ms = f.ms().clone();
        Arrays.sort(ms);
        out.append(
            "  %-9s %-10s %,9d %6d | %5.1f (min %d max %d)  %5.1f/%5.1f/%6.1f | %3d / %6.1f ms (next %s) | %d%n"
                .formatted(
                    f.mode(),
                    db,
                    size(),
                    f.mode().equals("contact") ? groups.size() : 1,
                    Arrays.stream(st).average().orElse(0),
                    st[0],
                    st[st.length - 1],
                    pct(ms, 50),
                    pct(ms, 95),
                    ms[ms.length - 1],
                    f.closedPlanStatements(),
                    f.closedPlanMs(),
                    f.plannedAt(),
                    f.idleStatements()));
        out.append(
            "  %-9s claimed %d contacts in %d measured polls%n".formatted("", f.claimed(), POLLS));
        out.append("  %-9s statements of the all-closed planning poll:%n".formatted(""));
        for (String sql : f.closedPlanSql()) {
          out.append(
              "            %s%n"
                  .formatted(sql.length() > 150 ? sql.substring(0, 150) + "..." : sql));
        }
      }
      out.append("  plans, contact mode (zone group 'America/New_York'):%n".formatted());
      out.append(contactPlans);
      out.append("  plans, campaign mode (whole queue):%n".formatted());
      out.append(campaignPlans);
      System.out.print(out);
      Path dir = Path.of("target", "bench");
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("planner.txt"), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      assertThat(contact.claimed()).isPositive();
      assertThat(whole.claimed()).isPositive();
    }

    private String group(Map.Entry<String, Long> e) {
      return "%s %,d".formatted(e.getKey().isEmpty() ? "''" : e.getKey(), e.getValue());
    }

    private static boolean openAt(String key, Instant at) {
      List<java.time.ZoneId> zones =
          key.isEmpty() ? List.of(java.time.ZoneId.of("America/New_York")) : CalleeZones.parse(key);
      return zones.stream()
          .allMatch(
              z -> {
                int hour = at.atZone(z).getHour();
                return hour >= 9 && hour < 18;
              });
    }

    /**
     * Contacts and queue rows generated inside the database: the zone key of each area code is
     * computed here once (as the contacts API would per contact) and assigned round-robin.
     */
    void load(UUID org, UUID campaign, int count) {
      jdbc.sql("CREATE TABLE bench_areas (k INT PRIMARY KEY, area VARCHAR(3), zones VARCHAR(200))")
          .update();
      List<Object[]> areas = new ArrayList<>();
      for (int i = 0; i < AREAS.size(); i++) {
        String area = AREAS.get(i);
        areas.add(new Object[] {i, area, CalleeZones.keyOf(null, "+1" + area + "5550100")});
      }
      template.batchUpdate("INSERT INTO bench_areas (k, area, zones) VALUES (?, ?, ?)", areas);
      String series =
          postgres()
              // why time-ordered ids (as the service's own, UUID v7): random keys scatter every
              // batch over the whole index.
              ? "SELECT (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7'"
                  + " || lpad(to_hex(g), 19, '0'))::uuid AS id, g AS n"
                  + " FROM generate_series(1, ?) g"
              : "SELECT RANDOM_UUID(7) AS id, r.\"X\" AS n FROM SYSTEM_RANGE(1, ?) r";
      jdbc.sql(
              """
              INSERT INTO contacts (id, organization_id, first_name, phone, zones, metadata, tags,
                created_at, updated_at)
              SELECT s.id, ?, 'First',
                CONCAT('+1', a.area, LPAD(CAST(2000000 + s.n AS VARCHAR), 7, '0')), a.zones,
                '{}', '[]', ?, ?
              FROM (%s) s JOIN bench_areas a ON a.k = MOD(s.n, %d)
              """
                  .formatted(series, AREAS.size()))
          .params(org, Times.db(CREATED), Times.db(CREATED), count)
          .update();
      jdbc.sql(
              """
              INSERT INTO campaign_contacts (campaign_id, contact_id, organization_id, state,
                attempts, version, added_at, updated_at, zone_key)
              SELECT ?, id, organization_id, 'pending', 0, 0, created_at, created_at, zones
              FROM contacts WHERE organization_id = ?
              """)
          .params(campaign, org)
          .update();
      jdbc.sql(
              "INSERT INTO campaign_zones (campaign_id, zone_key)"
                  + " SELECT DISTINCT ?, zones FROM bench_areas")
          .param(campaign)
          .update();
      QueueRows.sync(jdbc, campaign, CREATED);
      if (postgres()) {
        // why: this machine's server runs with autovacuum off; a production server would have
        // analyzed a table this size.
        jdbc.sql("ANALYZE contacts").update();
        jdbc.sql("ANALYZE campaign_contacts").update();
        jdbc.sql("ANALYZE campaign_zones").update();
      }
    }

    Map<String, Long> groupSizes(UUID campaign) {
      Map<String, Long> out = new LinkedHashMap<>();
      jdbc.sql(
              "SELECT zone_key, COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = ?"
                  + " GROUP BY zone_key ORDER BY zone_key")
          .param(campaign)
          .query(
              rs -> {
                out.put(rs.getString("zone_key"), rs.getLong("n"));
              });
      return out;
    }

    Figures measure(UUID campaign, String mode, Instant closed, Instant open) {
      SimulatedProperties carrier =
          new SimulatedProperties("completed:0.7,busy:0.2,failed:0.1", 0L, 0L, "11");
      // All zones closed: the poll that finds the campaign due plans its next opening.
      MutableClock clock = new MutableClock(closed);
      ManualTaskTimer timer = new ManualTaskTimer();
      DialerEngine engine = newEngine(clock, timer, carrier);
      wake(campaign, closed);
      StatementCounter.reset();
      StatementCounter.record();
      long t0 = System.nanoTime();
      engine.pollOnce();
      double planMs = (System.nanoTime() - t0) / 1e6;
      long planStatements = StatementCounter.count();
      List<String> planSql = StatementCounter.recorded();
      Instant plannedAt = nextWorkAt(campaign);
      timer.advance(clock, GAP);
      StatementCounter.reset();
      engine.pollOnce();
      long idleStatements = StatementCounter.count();
      assertThat(calls(campaign, closed, open)).as("nothing dialed while closed").isZero();

      // Some zones open: each poll finds 20 free slots and claims again.
      clock = new MutableClock(open);
      timer = new ManualTaskTimer();
      engine = newEngine(clock, timer, carrier);
      wake(campaign, open);
      for (int i = 0; i < WARM_UP; i++) {
        engine.pollOnce();
        timer.advance(clock, GAP);
      }
      Instant measuredFrom = clock.instant();
      long[] statements = new long[POLLS];
      double[] ms = new double[POLLS];
      for (int i = 0; i < POLLS; i++) {
        StatementCounter.reset();
        long start = System.nanoTime();
        engine.pollOnce();
        ms[i] = (System.nanoTime() - start) / 1e6;
        statements[i] = StatementCounter.count();
        timer.advance(clock, GAP);
      }
      long claimed = calls(campaign, measuredFrom, clock.instant());
      return new Figures(
          mode,
          planStatements,
          planMs,
          planSql,
          idleStatements,
          plannedAt,
          statements,
          ms,
          claimed);
    }

    void wake(UUID campaign, Instant at) {
      jdbc.sql(
              "UPDATE campaign_queues SET next_work_at = ?, work_seq = work_seq + 1"
                  + " WHERE campaign_id = ?")
          .params(Times.db(at), campaign)
          .update();
    }

    Instant nextWorkAt(UUID campaign) {
      return StatementCounter.uncounted(
          () ->
              jdbc.sql("SELECT next_work_at FROM campaign_queues WHERE campaign_id = ?")
                  .param(campaign)
                  .query((rs, n) -> Times.instant(rs, "next_work_at"))
                  .single());
    }

    long calls(UUID campaign, Instant from, Instant to) {
      return jdbc.sql(
              "SELECT COUNT(*) FROM calls WHERE campaign_id = ? AND queued_at >= ? AND queued_at < ?")
          .params(campaign, Times.db(from), Times.db(to))
          .query(Long.class)
          .single();
    }

    /** EXPLAIN of the due count and of the claim's locking select, as the engine runs them. */
    String plans(UUID org, UUID campaign, boolean byGroup) {
      String zone = byGroup ? " AND zone_key = ?" : "";
      String count =
          """
          SELECT COUNT(*) FROM (SELECT 1 FROM campaign_contacts
            WHERE campaign_id = ? AND state = 'pending' AND next_attempt_at IS NULL%s
              AND organization_id = ? %s LIMIT ?) due
          """
              // why the order on PostgreSQL only: as QueueRepository counts (ordersBoundedCounts).
              .formatted(zone, postgres() ? "ORDER BY next_attempt_at, contact_id" : "");
      String claim =
          postgres()
              ? """
          SELECT contact_id FROM campaign_contacts
          WHERE campaign_id = ? AND state = 'pending' AND next_attempt_at IS NULL%s
            AND organization_id = ?
          ORDER BY next_attempt_at, contact_id LIMIT ? FOR UPDATE SKIP LOCKED
          """
                  .formatted(zone)
              // why: H2 claims with the guarded-update claimer; this is its select.
              : """
              SELECT cc.contact_id FROM campaign_contacts cc JOIN contacts c ON c.id = cc.contact_id
              WHERE cc.campaign_id = ? AND cc.state = 'pending' AND cc.next_attempt_at IS NULL%s
                AND cc.organization_id = ? LIMIT ?
              """
                  .formatted(byGroup ? " AND cc.zone_key = ?" : "");
      List<Object> params = new ArrayList<>(List.of(campaign));
      if (byGroup) {
        params.add("America/New_York");
      }
      params.add(org);
      params.add(settings.batchSize());
      StringBuilder out = new StringBuilder();
      String explain = postgres() ? "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " : "EXPLAIN ANALYZE ";
      out.append("    due count (limit %d, the batch size):%n".formatted(settings.batchSize()));
      explain(explain + count, params, out);
      out.append(
          "    claim, %s (limit %d; run and rolled back):%n"
              .formatted(
                  postgres() ? "locking select" : "guarded claimer's select",
                  settings.batchSize()));
      explain(explain + claim, params, out);
      return out.toString();
    }

    private void explain(String sql, List<Object> params, StringBuilder out) {
      TransactionTemplate tx = new TransactionTemplate(transactions);
      tx.executeWithoutResult(
          status -> {
            for (String line : jdbc.sql(sql).params(params).query(String.class).list()) {
              for (String part : line.split("\n")) {
                out.append("      ").append(part).append("%n".formatted());
              }
            }
            status.setRollbackOnly();
          });
    }

    static double pct(double[] sorted, int p) {
      int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
  }
}
