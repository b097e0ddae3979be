package ai.agni.campaigns.calllog;

import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The write side of {@code calls}, the call history (one row per attempt): a campaign call's row is
 * inserted when it is placed and updated when it ends (and once when answered); a single call's row
 * exists from its request as {@code queued}. Every write after the first is guarded by the expected
 * live status ({@link CallStatus}); none of them changes an indexed column, so on PostgreSQL they
 * stay heap-only updates.
 */
@Repository
public class CallRecordRepository {

  private static final String LIVE = "status IN (" + CallStatus.liveList() + ")";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  CallRecordRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Writes the rows of campaign calls being placed now, each only while its campaign is active; per
   * call, 0 when the campaign was paused or completed since the claim (nothing written).
   */
  public int[] insertPlaced(List<PlacedCall> calls) {
    List<Object[]> rows = new ArrayList<>();
    for (PlacedCall c : calls) {
      rows.add(
          new Object[] {
            c.sessionId(),
            c.organizationId(),
            c.campaignId(),
            c.contactId(),
            c.agentId(),
            c.phoneNumberId(),
            c.attempt(),
            c.callerNumber(),
            c.calleeNumber(),
            c.node(),
            c.provider(),
            Times.db(c.startedAt()),
            Times.db(c.startedAt()),
            c.campaignId(),
            c.organizationId()
          });
    }
    return rows.isEmpty()
        ? new int[0]
        : template.batchUpdate(
            """
            INSERT INTO calls (id, organization_id, campaign_id, contact_id, agent_id,
              phone_number_id, attempt, channel, caller_number, callee_number, status, node,
              provider, queued_at, started_at, version)
            SELECT ?, ?, ?, ?, ?, ?, ?, 'voice', ?, ?, 'ringing', ?, ?, ?, ?, 0
            FROM campaigns WHERE id = ? AND organization_id = ? AND status = 'active'
            """,
            rows);
  }

  /** The row of a single call waiting for capacity (create-call). */
  public void insertQueued(
      UUID sessionId,
      UUID organizationId,
      UUID agentId,
      UUID phoneNumberId,
      String from,
      String to,
      String metadata,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO calls (id, organization_id, agent_id, phone_number_id, attempt, channel,
              caller_number, callee_number, status, provider, metadata, queued_at, version)
            SELECT ?, ?, ?, p.id, 1, 'voice', ?, ?, 'queued', p.provider, ?, ?, 0
            FROM phone_numbers p WHERE p.id = ? AND p.organization_id = ?
            """)
        .params(sessionId, organizationId, agentId, from, to, metadata, Times.db(now))
        .params(phoneNumberId, organizationId)
        .update();
  }

  /** A queued single call starts ringing on {@code node}; false when it is no longer queued. */
  public boolean markRinging(UUID sessionId, String node, Instant now) {
    return jdbc.sql(
                """
                UPDATE calls SET status = 'ringing', node = ?, started_at = ?, version = version + 1
                WHERE id = ? AND status = 'queued'
                """)
            .params(node, Times.db(now), sessionId)
            .update()
        == 1;
  }

  /**
   * Removes the row of a campaign call whose placing failed before anything was sent (the database
   * dropped the connection around the commit): it is no call, and no list or stat may count it.
   */
  public void deleteUnstarted(UUID sessionId) {
    jdbc.sql("DELETE FROM calls WHERE id = ? AND status = 'ringing' AND campaign_id IS NOT NULL")
        .param(sessionId)
        .update();
  }

  /** A single call whose placing failed before anything was sent waits in line again. */
  public void backToQueued(UUID sessionId) {
    jdbc.sql(
            """
            UPDATE calls SET status = 'queued', node = NULL, started_at = NULL,
              version = version + 1
            WHERE id = ? AND status = 'ringing' AND campaign_id IS NULL
            """)
        .param(sessionId)
        .update();
  }

  /** Calls answered, in one batch; a call that ended meanwhile stays as it ended. */
  public void markAnswered(List<UUID> sessionIds, List<Instant> at) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < sessionIds.size(); i++) {
      rows.add(new Object[] {Times.db(at.get(i)), sessionIds.get(i)});
    }
    if (!rows.isEmpty()) {
      template.batchUpdate(
          """
          UPDATE calls SET status = 'in_progress', answered_at = ?, version = version + 1
          WHERE id = ? AND status = 'ringing'
          """,
          rows);
    }
  }

  /** When the call was answered, as written so far (an answer another node recorded). */
  public Optional<Instant> answeredAt(UUID sessionId) {
    return jdbc.sql("SELECT answered_at FROM calls WHERE id = ?")
        .param(sessionId)
        .query((rs, n) -> Optional.ofNullable(Times.instant(rs, "answered_at")))
        .optional()
        .flatMap(a -> a);
  }

  /** Writes the outcomes of live calls in one batch; per call, 0 when it was already settled. */
  public int[] finish(List<UUID> sessionIds, List<CallResult> results) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < sessionIds.size(); i++) {
      CallResult r = results.get(i);
      Instant answered = r.answeredAt();
      int duration =
          answered == null ? 0 : (int) Duration.between(answered, r.endedAt()).toSeconds();
      rows.add(
          new Object[] {
            CallStatus.ofOutcome(r.outcome().apiName()).wire(),
            r.reason(),
            Times.db(answered),
            Times.db(r.endedAt()),
            duration,
            Times.db(r.endedAt()),
            r.providerRef(),
            r.detail(),
            r.countsAsAttempt(),
            sessionIds.get(i)
          });
    }
    if (rows.isEmpty()) {
      return new int[0];
    }
    return template.batchUpdate(
        "UPDATE calls SET status = ?, disconnect_reason = ?,"
            + " answered_at = COALESCE(?, answered_at), ended_at = ?,"
            + " duration_sec = ?, started_at = COALESCE(started_at, ?),"
            + " provider_ref = COALESCE(?, provider_ref), disconnect_detail = ?,"
            + " counts_as_attempt = ?, version = version + 1"
            + " WHERE id = ? AND "
            + LIVE,
        rows);
  }

  /**
   * When the organization's calls to these numbers started, from {@code since} on (exclusive): the
   * dial attempts that frequency caps count, whatever campaign or single call placed them.
   */
  public Map<String, List<Instant>> dialsSince(
      UUID organizationId, Collection<String> numbers, Instant since) {
    Map<String, List<Instant>> dials = new HashMap<>();
    if (numbers.isEmpty()) {
      return dials;
    }
    jdbc.sql(
            """
            SELECT callee_number, started_at FROM calls
            WHERE organization_id = :org AND callee_number IN (:numbers) AND started_at > :since
            """)
        .param("org", organizationId)
        .param("numbers", numbers)
        .param("since", Times.db(since))
        .query(
            rs -> {
              dials
                  .computeIfAbsent(rs.getString("callee_number"), n -> new ArrayList<>())
                  .add(Times.instant(rs, "started_at"));
            });
    return dials;
  }
}
