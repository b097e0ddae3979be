package ai.agni.campaigns.webhook;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writes of the outbox: {@code webhook_sequences}, {@code webhook_events} and new {@code
 * webhook_deliveries}, always inside the transaction of the change the events report (callers hold
 * it). One batched insert per table and transaction.
 */
@Repository
class OutboxRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  OutboxRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
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
      int updated =
          jdbc.sql(
                  "UPDATE webhook_sequences SET last_sequence = last_sequence + ?"
                      + " WHERE scope_id = ?")
              .params(count, scopeId)
              .update();
      if (updated == 1) {
        long last =
            jdbc.sql("SELECT last_sequence FROM webhook_sequences WHERE scope_id = ?")
                .param(scopeId)
                .query(Long.class)
                .single();
        return last - count + 1;
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

  /** Inserts the events and one pending delivery per (event, URL), due now. */
  void insert(List<StoredEvent> events, Instant now) {
    if (events.isEmpty()) {
      return;
    }
    List<Object[]> eventRows = new ArrayList<>();
    List<Object[]> deliveryRows = new ArrayList<>();
    for (StoredEvent e : events) {
      eventRows.add(
          new Object[] {
            e.id(),
            e.organizationId(),
            e.campaignId(),
            e.scopeId(),
            e.sequence(),
            e.event(),
            e.body(),
            Times.db(e.createdAt())
          });
      for (String url : e.urls()) {
        deliveryRows.add(
            new Object[] {
              ai.agni.campaigns.platform.Ids.newId(),
              e.id(),
              e.organizationId(),
              e.campaignId(),
              e.scopeId(),
              e.sequence(),
              e.event(),
              url,
              Times.db(now),
              Times.db(e.createdAt())
            });
      }
    }
    batch.batchUpdate(
        """
        INSERT INTO webhook_events (id, organization_id, campaign_id, scope_id, sequence, event,
          body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        eventRows);
    batch.batchUpdate(
        """
        INSERT INTO webhook_deliveries (id, event_id, organization_id, campaign_id, scope_id,
          sequence, event, url, status, attempts, next_attempt_at, created_at, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, 0)
        """,
        deliveryRows);
  }
}
