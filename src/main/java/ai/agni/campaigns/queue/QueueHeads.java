package ai.agni.campaigns.queue;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The SQL of {@code campaign_queues}, the head row of each campaign's queue, for {@link
 * QueueRepository}: the counters behind {@code contactStats} and the campaign's next interesting
 * instant. Counters move only inside the transaction that moves the contacts they count.
 */
final class QueueHeads {

  private static final String APPLY =
      """
      UPDATE campaign_queues
      SET total = total + ?, pending = pending + ?, in_progress = in_progress + ?,
          successful = successful + ?, no_answer = no_answer + ?, failed = failed + ?,
          contacted = contacted + ?,
          next_work_at = CASE
            WHEN CAST(? AS BOOLEAN) AND pending + ? = 0 AND in_progress + ? = 0 THEN ?
            WHEN CAST(? AS TIMESTAMP WITH TIME ZONE) IS NULL THEN next_work_at
            WHEN next_work_at IS NULL OR next_work_at > ? THEN ?
            ELSE next_work_at END,
          work_seq = work_seq + ?
      WHERE campaign_id = ?
      """;

  private final JdbcClient jdbc;

  QueueHeads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Queues a head-row change. Inside a transaction the changes of each campaign are summed and
   * written once, just before the commit, in campaign id order. why: two transactions that touch
   * the same campaigns (a claim and a batch of outcomes) then take the head rows' locks in the same
   * order and never deadlock, and a batch writes each head row once. Outside a transaction the
   * change is written at once.
   */
  void change(UUID campaignId, StatsDelta d, Instant wakeAt, boolean wakeIfFinished, Instant now) {
    Map<UUID, Change> pending = pendingOfThisTransaction();
    if (pending == null) {
      apply(campaignId, d, wakeAt, wakeIfFinished, now);
      return;
    }
    pending.computeIfAbsent(campaignId, id -> new Change()).merge(d, wakeAt, wakeIfFinished, now);
  }

  /** Writes this transaction's queued changes now (before a read of the counters in it). */
  @SuppressWarnings("unchecked")
  void flush() {
    Map<UUID, Change> pending =
        TransactionSynchronizationManager.isSynchronizationActive()
            ? (Map<UUID, Change>) TransactionSynchronizationManager.getResource(this)
            : null;
    if (pending != null) {
      pending.forEach((id, c) -> apply(id, c.delta, c.wakeAt, c.ifFinished, c.now));
      pending.clear();
    }
  }

  @SuppressWarnings("unchecked")
  private Map<UUID, Change> pendingOfThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<UUID, Change> pending =
        (Map<UUID, Change>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Map<UUID, Change> created = new TreeMap<>();
      TransactionSynchronizationManager.bindResource(this, created);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              // why qualified: TransactionSynchronization has a flush() of its own.
              QueueHeads.this.flush();
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(QueueHeads.this);
            }
          });
      pending = created;
    }
    return pending;
  }

  /** One campaign's summed changes within a transaction. */
  private static final class Change {
    final StatsDelta delta = new StatsDelta();
    Instant wakeAt;
    boolean ifFinished;
    Instant now;

    void merge(StatsDelta d, Instant wake, boolean wakeIfFinished, Instant at) {
      delta.plus(d);
      if (wake != null && (wakeAt == null || wake.isBefore(wakeAt))) {
        wakeAt = wake;
      }
      ifFinished |= wakeIfFinished;
      if (at != null && (now == null || at.isAfter(now))) {
        now = at;
      }
    }
  }

  void create(UUID organizationId, UUID campaignId) {
    jdbc.sql(
            """
            INSERT INTO campaign_queues (campaign_id, organization_id, total, pending, in_progress,
              successful, no_answer, failed, contacted, next_work_at, work_seq)
            VALUES (?, ?, 0, 0, 0, 0, 0, 0, 0, NULL, 0)
            """)
        .params(campaignId, organizationId)
        .update();
  }

  /**
   * Applies the counter changes and a wake-up: the campaign's next work moves to {@code wakeAt}
   * when that is earlier, and to {@code now} when {@code wakeIfFinished} and no contact is left
   * pending or in a call (so the engine completes it).
   */
  void apply(UUID campaignId, StatsDelta d, Instant wakeAt, boolean wakeIfFinished, Instant now) {
    if (d.isEmpty() && wakeAt == null && !wakeIfFinished) {
      return;
    }
    long pending = d.of(QueueState.PENDING);
    long inProgress = d.of(QueueState.IN_PROGRESS);
    int rows =
        jdbc.sql(APPLY)
            .params(d.total(), pending, inProgress, d.of(QueueState.SUCCESSFUL))
            .params(d.of(QueueState.NO_ANSWER), d.of(QueueState.FAILED), d.contacted())
            .params(wakeIfFinished, pending, inProgress, Times.db(now))
            .params(Times.db(wakeAt), Times.db(wakeAt), Times.db(wakeAt))
            .params(wakeAt != null || wakeIfFinished ? 1 : 0, campaignId)
            .update();
    if (rows != 1) {
      throw new IllegalStateException(
          "Indicates a bug: campaign " + campaignId + " has " + rows + " queue head rows");
    }
  }

  /** The poll's plan: next work at {@code at} (null: none known), unless work moved since. */
  boolean plan(UUID campaignId, long seenSeq, Instant at) {
    return jdbc.sql(
                "UPDATE campaign_queues SET next_work_at = ? WHERE campaign_id = ? AND work_seq = ?")
            .params(Times.db(at), campaignId, seenSeq)
            .update()
        == 1;
  }

  Optional<Instant> nextWorkAfter(Instant now) {
    return jdbc.sql("SELECT MIN(next_work_at) AS at FROM campaign_queues WHERE next_work_at > ?")
        .param(Times.db(now))
        .query((rs, n) -> Optional.ofNullable(Times.instant(rs, "at")))
        .single();
  }

  Map<UUID, ContactStats> stats(UUID organizationId, Collection<UUID> campaignIds) {
    flush();
    Map<UUID, ContactStats> out = new HashMap<>();
    if (campaignIds.isEmpty()) {
      return out;
    }
    List<Object> params = new ArrayList<>();
    params.add(organizationId);
    params.addAll(campaignIds);
    jdbc.sql(
            """
            SELECT campaign_id, total, contacted, successful, failed, no_answer, pending,
                   in_progress
            FROM campaign_queues WHERE organization_id = ? AND campaign_id IN (%s)
            """
                .formatted(QueueRepository.placeholders(campaignIds.size())))
        .params(params)
        .query(
            rs -> {
              out.put(
                  rs.getObject("campaign_id", UUID.class),
                  new ContactStats(
                      rs.getLong("total"),
                      rs.getLong("contacted"),
                      rs.getLong("successful"),
                      rs.getLong("failed"),
                      rs.getLong("no_answer"),
                      rs.getLong("pending"),
                      rs.getLong("in_progress")));
            });
    return out;
  }
}
