package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The engine's writes to {@code calls}: queued rows at claim, progress while live, the outcome at
 * the end. Every write after the insert is guarded by the expected live status; a call is live
 * while {@code queued} with a node, {@code ringing} or {@code in_progress}.
 */
@Repository
class EngineCallRepository {

  static final String LIVE =
      "(status IN ('ringing', 'in_progress') OR (status = 'queued' AND node IS NOT NULL))";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  EngineCallRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  LiveCounts liveCounts(UUID organizationId) {
    Map<UUID, Integer> byLine = new HashMap<>();
    Map<UUID, Integer> byCampaign = new HashMap<>();
    int[] total = {0};
    // why: one equality branch per live status, so each is a lookup on (organization_id, status)
    // rather than a scan of the organization's whole call history.
    jdbc.sql(
            """
            SELECT campaign_id, phone_number_id, COUNT(*) AS n FROM (
              SELECT campaign_id, phone_number_id FROM calls
              WHERE organization_id = :org AND status = 'ringing'
              UNION ALL
              SELECT campaign_id, phone_number_id FROM calls
              WHERE organization_id = :org AND status = 'in_progress'
              UNION ALL
              SELECT campaign_id, phone_number_id FROM calls
              WHERE organization_id = :org AND status = 'queued' AND node IS NOT NULL) live
            GROUP BY campaign_id, phone_number_id
            """)
        .param("org", organizationId)
        .query(
            rs -> {
              int n = rs.getInt("n");
              UUID campaign = rs.getObject("campaign_id", UUID.class);
              UUID line = rs.getObject("phone_number_id", UUID.class);
              total[0] += n;
              byLine.merge(line, n, Integer::sum);
              if (campaign != null) {
                byCampaign.merge(campaign, n, Integer::sum);
              }
            });
    return new LiveCounts(total[0], byLine, byCampaign);
  }

  void insertQueued(List<ClaimedAttempt> attempts, String node, Instant now) {
    List<Object[]> rows = new ArrayList<>();
    for (ClaimedAttempt a : attempts) {
      rows.add(
          new Object[] {
            a.sessionId(),
            a.organizationId(),
            a.campaignId(),
            a.contactId(),
            a.agentId(),
            a.line().id(),
            a.attempt(),
            a.line().number(),
            a.to(),
            node,
            a.line().provider(),
            Times.db(now)
          });
    }
    template.batchUpdate(
        """
        INSERT INTO calls (id, organization_id, campaign_id, contact_id, agent_id, phone_number_id,
          attempt, channel, caller_number, callee_number, status, node, provider, queued_at,
          heartbeat_at, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'voice', ?, ?, 'queued', ?, ?, ?, NULL, 0)
        """,
        rows);
  }

  /**
   * The call starts ringing now; false when it is no longer this node's queued call (reaped) or its
   * campaign is no longer active (paused or completed since the claim).
   */
  boolean markDialing(UUID sessionId, String node, Instant now) {
    return jdbc.sql(
                """
                UPDATE calls SET status = 'ringing', started_at = ?, version = version + 1
                WHERE id = ? AND status = 'queued' AND node = ?
                  AND (campaign_id IS NULL OR EXISTS (SELECT 1 FROM campaigns c
                       WHERE c.id = calls.campaign_id AND c.status = 'active'))
                """)
            .param(Times.db(now))
            .param(sessionId)
            .param(node)
            .update()
        == 1;
  }

  void markAnswered(UUID sessionId, Instant at) {
    jdbc.sql(
            """
            UPDATE calls SET status = 'in_progress', answered_at = ?, version = version + 1
            WHERE id = ? AND status = 'ringing'
            """)
        .param(Times.db(at))
        .param(sessionId)
        .update();
  }

  /** Records the outcome of a live call; 0 when it was already settled (lost the race). */
  int finish(UUID sessionId, CallResult result) {
    Instant answered = result.answeredAt();
    Integer duration =
        answered == null ? 0 : (int) Duration.between(answered, result.endedAt()).toSeconds();
    return jdbc.sql(
            "UPDATE calls SET status = ?, disconnect_reason = ?, answered_at = ?, ended_at = ?,"
                + " duration_sec = ?, started_at = COALESCE(started_at, ?), version = version + 1"
                + " WHERE id = ? AND "
                + LIVE)
        .param(result.outcome().apiName())
        .param(result.reason())
        .param(Times.db(answered))
        .param(Times.db(result.endedAt()))
        .param(duration)
        .param(Times.db(result.endedAt()))
        .param(sessionId)
        .update();
  }

  /** Forgets a claimed call that was never placed (window closed or campaign paused meanwhile). */
  int deleteUnplaced(UUID sessionId, String node) {
    return jdbc.sql("DELETE FROM calls WHERE id = ? AND status = 'queued' AND node = ?")
        .param(sessionId)
        .param(node)
        .update();
  }

  /** Live calls of one node, for the reaper: session, organization, campaign, contact. */
  List<LiveCall> liveCallsOf(String node) {
    return jdbc.sql(
            """
            SELECT id, organization_id, campaign_id, contact_id FROM calls
            WHERE node = ? AND status IN ('queued', 'ringing', 'in_progress')
            """)
        .param(node)
        .query(
            (rs, n) ->
                new LiveCall(
                    rs.getObject("id", UUID.class),
                    rs.getObject("organization_id", UUID.class),
                    rs.getObject("campaign_id", UUID.class),
                    rs.getObject("contact_id", UUID.class)))
        .list();
  }

  /**
   * Live campaign calls, of any node, whose contact's lease expired before {@code cutoff}: the call
   * should have ended long ago (the lease covers ring time, the longest call and the node timeout),
   * so its outcome was lost on a node that is still alive.
   */
  List<LiveCall> leaseExpired(Instant cutoff, int limit) {
    return jdbc.sql(
            """
            SELECT c.id, c.organization_id, c.campaign_id, c.contact_id
            FROM campaign_contacts cc JOIN calls c
              ON c.campaign_id = cc.campaign_id AND c.contact_id = cc.contact_id
                AND c.attempt = cc.attempts AND c.status IN ('queued', 'ringing', 'in_progress')
            WHERE cc.lease_until < ? AND cc.state = 'in_progress'
            ORDER BY cc.lease_until LIMIT ?
            """)
        .param(Times.db(cutoff))
        .param(limit)
        .query(
            (rs, n) ->
                new LiveCall(
                    rs.getObject("id", UUID.class),
                    rs.getObject("organization_id", UUID.class),
                    rs.getObject("campaign_id", UUID.class),
                    rs.getObject("contact_id", UUID.class)))
        .list();
  }

  /** A live call found by the reaper. */
  record LiveCall(UUID sessionId, UUID organizationId, UUID campaignId, UUID contactId) {}
}
