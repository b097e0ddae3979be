package ai.agni.campaigns.webhook;

import ai.agni.campaigns.platform.SqlDialect;
import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deliverer's and the API's SQL of {@code webhook_deliveries}. A stream is one scope (campaign,
 * or organization for events outside campaigns) and one URL; only its head (the lowest pending
 * sequence) may be claimed, so a stream is sent in order by one node at a time. A claim takes the
 * head with a lease ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, as the engine claims contacts;
 * on H2 a version-guarded update) and leases the next pending rows of its stream with it (a run),
 * which no other node can claim while the head is pending. Later writes are guarded by status and
 * lease owner: 0 rows is a lost race (the lease expired and another node took the row). The API's
 * reads and the manual retry are in {@link DeliveryQueries}.
 */
@Repository
class DeliveryRepository {

  private static final String HEADS =
      """
      SELECT d.id, d.version, d.scope_id, d.url, d.sequence FROM webhook_deliveries d
      WHERE d.status = 'pending' AND d.next_attempt_at <= ?
        AND (d.lease_until IS NULL OR d.lease_until <= ?)
        AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
          WHERE e.scope_id = d.scope_id AND e.url = d.url AND e.status = 'pending'
            AND e.sequence < d.sequence)
      ORDER BY d.next_attempt_at LIMIT ?
      """;

  private final JdbcClient jdbc;
  private final String lock;

  DeliveryRepository(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    // why the one difference: on PostgreSQL concurrent nodes skip each other's heads instead of
    // waiting; H2 (one node) relies on the version guard of the update alone.
    this.lock = dialect.supportsSkipLocked() ? " FOR UPDATE OF d SKIP LOCKED" : "";
  }

  /** One delivery of a claimed run, with the exact body to send. */
  record Claimed(UUID id, UUID eventId, String event, long sequence, int attempts, String body) {}

  /** A claimed run: deliveries of one stream, in sequence order, leased until {@code until}. */
  record Run(
      UUID organizationId,
      UUID campaignId,
      UUID scopeId,
      String url,
      Instant until,
      List<Claimed> items) {}

  /** Claims up to {@code streams} runs of at most {@code length} deliveries; call in a tx. */
  List<Run> claim(String node, Instant now, Instant until, int streams, int length) {
    record Head(UUID id, long version, UUID scope, String url, long sequence) {}
    List<Head> heads =
        jdbc.sql(HEADS + lock)
            .params(Times.db(now), Times.db(now), streams)
            .query(
                (rs, n) ->
                    new Head(
                        rs.getObject("id", UUID.class),
                        rs.getLong("version"),
                        rs.getObject("scope_id", UUID.class),
                        rs.getString("url"),
                        rs.getLong("sequence")))
            .list();
    List<Run> runs = new ArrayList<>();
    for (Head h : heads) {
      int won =
          jdbc.sql(
                  """
                  UPDATE webhook_deliveries
                  SET lease_owner = ?, lease_until = ?, version = version + 1
                  WHERE id = ? AND version = ? AND status = 'pending'
                  """)
              .params(node, Times.db(until), h.id(), h.version())
              .update();
      if (won != 1) {
        continue; // lost the race to another node: normal
      }
      List<UUID> leased = new ArrayList<>(List.of(h.id()));
      if (length > 1) {
        leased.addAll(
            leaseFollowers(node, now, until, h.scope(), h.url(), h.sequence(), length - 1));
      }
      runs.add(run(node, until, h.scope(), h.url(), leased));
    }
    return runs;
  }

  /**
   * Leases the next run of a stream this node is sending, behind {@code after}, the last delivery
   * of its current run (from {@code first}): the stream index only, no claim query. Empty when a
   * delivery before {@code first} is pending again (a dead one re-queued meanwhile: the next claim
   * starts from it) or nothing follows.
   */
  Optional<Run> continueRun(
      String node,
      Instant now,
      Instant until,
      UUID scope,
      String url,
      long first,
      long after,
      int length) {
    boolean earlier =
        jdbc.sql(
                    "SELECT COUNT(*) FROM webhook_deliveries WHERE scope_id = ? AND url = ?"
                        + " AND status = 'pending' AND sequence < ?")
                .params(scope, url, first)
                .query(Long.class)
                .single()
            > 0;
    List<UUID> leased =
        earlier ? List.of() : leaseFollowers(node, now, until, scope, url, after, length);
    if (leased.isEmpty()) {
      return Optional.empty();
    }
    Run run = run(node, until, scope, url, leased);
    return run.items().isEmpty() ? Optional.empty() : Optional.of(run);
  }

  /**
   * Leases the next {@code length} pending deliveries of the stream after {@code after}; returns
   * the ids it tried (those leased are read back by owner and lease end). why two statements: an
   * {@code UPDATE ... WHERE id IN (SELECT ... ORDER BY ... LIMIT)} sorted the stream's whole
   * backlog on H2 for every run.
   */
  private List<UUID> leaseFollowers(
      String node, Instant now, Instant until, UUID scope, String url, long after, int length) {
    List<UUID> ids =
        jdbc.sql(
                """
                SELECT id FROM webhook_deliveries
                WHERE scope_id = ? AND url = ? AND status = 'pending' AND sequence > ?
                ORDER BY sequence LIMIT ?
                """)
            .params(scope, url, after, length)
            .query(UUID.class)
            .list();
    if (!ids.isEmpty()) {
      jdbc.sql(
              """
              UPDATE webhook_deliveries
              SET lease_owner = :node, lease_until = :until, version = version + 1
              WHERE id IN (:ids) AND status = 'pending'
                AND (lease_until IS NULL OR lease_until <= :now)
              """)
          .param("node", node)
          .param("until", Times.db(until))
          .param("ids", ids)
          .param("now", Times.db(now))
          .update();
    }
    return ids;
  }

  private Run run(String node, Instant until, UUID scope, String url, List<UUID> ids) {
    List<UUID> owner = new ArrayList<>(2);
    List<Claimed> items = new ArrayList<>();
    jdbc.sql(
            """
            SELECT d.id, d.event_id, d.event, d.sequence, d.attempts, d.organization_id,
                   d.campaign_id, d.body
            FROM webhook_deliveries d
            WHERE d.id IN (:ids) AND d.status = 'pending' AND d.lease_owner = :node
              AND d.lease_until = :until
            ORDER BY d.sequence
            """)
        .param("ids", ids)
        .param("node", node)
        .param("until", Times.db(until))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  if (owner.isEmpty()) {
                    owner.add(rs.getObject("organization_id", UUID.class));
                    owner.add(rs.getObject("campaign_id", UUID.class));
                  }
                  items.add(
                      new Claimed(
                          rs.getObject("id", UUID.class),
                          rs.getObject("event_id", UUID.class),
                          rs.getString("event"),
                          rs.getLong("sequence"),
                          rs.getInt("attempts"),
                          rs.getString("body")));
                });
    if (items.isEmpty()) {
      return new Run(null, null, scope, url, until, items);
    }
    return new Run(owner.get(0), owner.get(1), scope, url, until, items);
  }

  /** Extends the lease of these deliveries while their run goes on. */
  void renew(List<UUID> ids, String node, Instant until) {
    if (!ids.isEmpty()) {
      jdbc.sql(
              "UPDATE webhook_deliveries SET lease_until = :until WHERE id IN (:ids)"
                  + " AND lease_owner = :node AND status = 'pending'")
          .param("until", Times.db(until))
          .param("ids", ids)
          .param("node", node)
          .update();
    }
  }

  /** A 2xx: delivered, whoever holds the lease now (a 2xx is a fact). */
  boolean delivered(UUID id, int statusCode, Instant now) {
    return jdbc.sql(
                """
                UPDATE webhook_deliveries
                SET status = 'delivered', attempts = attempts + 1, last_status_code = ?,
                    last_error = NULL, delivered_at = ?, lease_owner = NULL, lease_until = NULL,
                    version = version + 1
                WHERE id = ? AND status = 'pending'
                """)
            .params(statusCode, Times.db(now), id)
            .update()
        == 1;
  }

  /** A failed try: pending again from {@code next}, or dead when {@code next} is null. */
  boolean failed(UUID id, String node, Integer statusCode, String error, Instant next) {
    return jdbc.sql(
                """
                UPDATE webhook_deliveries
                SET status = ?, attempts = attempts + 1, last_status_code = ?, last_error = ?,
                    next_attempt_at = COALESCE(?, next_attempt_at), lease_owner = NULL,
                    lease_until = NULL, version = version + 1
                WHERE id = ? AND status = 'pending' AND lease_owner = ?
                """)
            .params(next == null ? "dead" : "pending", statusCode, error, Times.db(next), id, node)
            .update()
        == 1;
  }

  /** Gives back leased deliveries not sent (the run stopped at a failure, or shutdown). */
  void release(List<UUID> ids, String node) {
    if (!ids.isEmpty()) {
      jdbc.sql(
              "UPDATE webhook_deliveries SET lease_owner = NULL, lease_until = NULL,"
                  + " version = version + 1"
                  + " WHERE id IN (:ids) AND lease_owner = :node AND status = 'pending'")
          .param("ids", ids)
          .param("node", node)
          .update();
    }
  }

  /** Gives back every lease of this node (a restart: the runs of its previous life). */
  int releaseAll(String node) {
    return jdbc.sql(
            "UPDATE webhook_deliveries SET lease_owner = NULL, lease_until = NULL,"
                + " version = version + 1 WHERE lease_owner = ? AND status = 'pending'")
        .param(node)
        .update();
  }

  /** The earliest retry after {@code now}, if any. */
  Optional<Instant> nextRetryAfter(Instant now) {
    return jdbc.sql(
            "SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries"
                + " WHERE status = 'pending' AND next_attempt_at > ?")
        .param(Times.db(now))
        .query((rs, n) -> Optional.ofNullable(Times.instant(rs, "at")))
        .single();
  }

  /** Pending deliveries over all organizations (the outbox depth). */
  long pendingCount() {
    return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'")
        .query(Long.class)
        .single();
  }
}
