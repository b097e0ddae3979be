package ai.agni.campaigns.webhook;

import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.platform.SqlDialect;
import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writes of the outbox: {@code webhook_sequences} and new {@code webhook_deliveries} (one row
 * per event and URL, carrying the event's body), always inside the transaction of the change the
 * events report (callers hold it). One batched insert per transaction.
 */
@Repository
class OutboxRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final boolean returning;

  OutboxRepository(JdbcClient jdbc, JdbcTemplate batch, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.returning = dialect.supportsUpdateReturning();
  }

  /** An event as stored: its body is the exact JSON its deliveries send. */
  record StoredEvent(
      UUID id,
      UUID organizationId,
      UUID campaignId,
      UUID scopeId,
      long sequence,
      String event,
      String body,
      Instant createdAt,
      List<String> urls) {}

  /**
   * Takes the next {@code count} numbers of the scope's sequence and returns the first. The row
   * stays locked until the transaction ends, so numbers are given out gap-free and in commit order
   * of each scope.
   */
  long allocate(UUID scopeId, UUID organizationId, int count) {
    for (int tries = 0; tries < 3; tries++) {
      Optional<Long> last = advance(scopeId, count);
      if (last.isPresent()) {
        return last.get() - count + 1;
      }
      int inserted =
          jdbc.sql(
                  """
                  INSERT INTO webhook_sequences (scope_id, organization_id, last_sequence)
                  VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                  """)
              .params(scopeId, organizationId, count)
              .update();
      if (inserted == 1) {
        return 1;
      }
      // why again: another transaction created the row meanwhile; its update now waits for it.
    }
    throw new IllegalStateException("Indicates a bug: no sequence row for scope " + scopeId);
  }

  /**
   * Adds {@code count} to the scope's last number and returns the new one; empty without a row. One
   * statement where the database returns updated rows (PostgreSQL), else update then read.
   */
  private Optional<Long> advance(UUID scopeId, int count) {
    String update =
        "UPDATE webhook_sequences SET last_sequence = last_sequence + ? WHERE scope_id = ?";
    if (returning) {
      return jdbc.sql(update + " RETURNING last_sequence")
          .params(count, scopeId)
          .query(Long.class)
          .optional();
    }
    if (jdbc.sql(update).params(count, scopeId).update() != 1) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql("SELECT last_sequence FROM webhook_sequences WHERE scope_id = ?")
            .param(scopeId)
            .query(Long.class)
            .single());
  }

  /**
   * Inserts one pending delivery per (event, URL), due now, each with the event's body; the
   * deliveries of one event share its id.
   */
  void insert(List<StoredEvent> events, Instant now) {
    List<Object[]> rows = new ArrayList<>();
    for (StoredEvent e : events) {
      for (String url : e.urls()) {
        rows.add(
            new Object[] {
              Ids.newId(),
              e.id(),
              e.organizationId(),
              e.campaignId(),
              e.scopeId(),
              e.sequence(),
              e.event(),
              url,
              e.body(),
              Times.db(now),
              Times.db(e.createdAt())
            });
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        """
        INSERT INTO webhook_deliveries (id, event_id, organization_id, campaign_id, scope_id,
          sequence, event, url, body, status, attempts, next_attempt_at, created_at, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, 0)
        """,
        rows);
  }
}
