package ai.agni.campaigns.queue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import ai.agni.campaigns.testsupport.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The claim's plan stays index-bound on tables that were never analyzed (autovacuum off, no
 * ANALYZE, as on a fresh or neglected server): claiming 200 of 50,000 pending contacts reads about
 * 200 queue rows, never every pending row.
 */
@PostgresTest
@SpringBootTest(properties = {"agni.dialer.enabled=false", "agni.data-dir=target/test-data"})
class PostgresClaimPlanTest {

  static final Instant T0 = Instant.parse("2026-03-20T10:30:00Z");
  static final int PENDING = 50_000;
  static final int BATCH = 200;

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired ObjectMapper json;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }

  @Test
  void claimingABatchReadsTheBatchNotTheBacklog() {
    for (String table : List.of("campaign_contacts", "contacts", "campaign_queues")) {
      jdbc.sql("ALTER TABLE " + table + " SET (autovacuum_enabled = false)").update();
    }
    UUID org = Rows.organization(jdbc, T0);
    UUID campaign = Rows.activeCampaign(jdbc, org, T0);
    jdbc.sql(
            """
            INSERT INTO contacts (id, organization_id, phone, metadata, tags, created_at,
              updated_at)
            SELECT gen_random_uuid(), ?, '+1646' || lpad(g::text, 7, '0'), '{}', '[]', ?, ?
            FROM generate_series(1, ?) g
            """)
        .params(org, Times.db(T0), Times.db(T0), PENDING)
        .update();
    jdbc.sql(
            """
            INSERT INTO campaign_contacts (campaign_id, contact_id, organization_id, state,
              attempts, version, added_at, updated_at)
            SELECT ?, id, organization_id, 'pending', 0, 0, created_at, created_at
            FROM contacts WHERE organization_id = ?
            """)
        .params(campaign, org)
        .update();

    JsonNode plan =
        tx.execute(
            status -> {
              status.setRollbackOnly();
              String text =
                  jdbc.sql(
                          "EXPLAIN (ANALYZE, FORMAT JSON) "
                              + SkipLockedQueueClaimer.firstAttemptsSql())
                      .params(campaign, org, BATCH, "n1", Times.db(T0), Times.db(T0), campaign)
                      .query(String.class)
                      .single();
              return json.readTree(text).get(0).get("Plan");
            });

    List<JsonNode> nodes = new ArrayList<>();
    collect(plan, nodes);
    long rowsRead = 0;
    for (JsonNode node : nodes) {
      String type = node.get("Node Type").asString();
      String relation = node.has("Relation Name") ? node.get("Relation Name").asString() : "";
      assertThat(type + " on " + relation)
          .as("no sequential scan of the queue or the contacts")
          .isNotIn("Seq Scan on campaign_contacts", "Seq Scan on contacts");
      if (relation.equals("campaign_contacts") || relation.equals("contacts")) {
        rowsRead += node.get("Actual Rows").asLong() * node.get("Actual Loops").asLong();
        rowsRead +=
            node.has("Rows Removed by Filter") ? node.get("Rows Removed by Filter").asLong() : 0;
      }
    }
    assertThat(rowsRead).as("rows read from the queue and the contacts").isLessThan(10L * BATCH);
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    out.add(node);
    if (node.has("Plans")) {
      node.get("Plans").forEach(child -> collect(child, out));
    }
  }
}
