package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * {@code live_calls}: one row per live attempt, from its claim ({@code claimed}) through its
 * placing ({@code dialing}) to its end, when the row is deleted. Deleting the row is what settles
 * an attempt exactly once: whoever deletes it (the outcome, the reaper) writes the end. Live counts
 * read only this table, as small as the live traffic.
 */
@Repository
class LiveCallRepository {

  static final String CLAIMED = "claimed";
  static final String DIALING = "dialing";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  LiveCallRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  LiveCounts counts(UUID organizationId) {
    Map<UUID, Integer> byLine = new HashMap<>();
    Map<UUID, Integer> byCampaign = new HashMap<>();
    int[] total = {0};
    jdbc.sql(
            """
            SELECT campaign_id, phone_number_id, COUNT(*) AS n FROM live_calls
            WHERE organization_id = ? GROUP BY campaign_id, phone_number_id
            """)
        .param(organizationId)
        .query(
            rs -> {
              int n = rs.getInt("n");
              UUID campaign = rs.getObject("campaign_id", UUID.class);
              total[0] += n;
              byLine.merge(rs.getObject("phone_number_id", UUID.class), n, Integer::sum);
              if (campaign != null) {
                byCampaign.merge(campaign, n, Integer::sum);
              }
            });
    return new LiveCounts(total[0], byLine, byCampaign);
  }

  void insertClaimed(List<ClaimedAttempt> attempts, String node, Instant now) {
    List<Object[]> rows = new ArrayList<>();
    for (ClaimedAttempt a : attempts) {
      UUID campaign = null;
      UUID contact = null;
      long version = 0;
      if (a.origin() instanceof AttemptOrigin.CampaignContact c) {
        campaign = c.campaignId();
        contact = c.contactId();
        version = c.contactVersion();
      }
      rows.add(
          new Object[] {
            a.sessionId(),
            a.organizationId(),
            campaign,
            contact,
            a.line().id(),
            a.attempt(),
            version,
            node,
            Times.db(a.leaseUntil()),
            Times.db(now)
          });
    }
    if (!rows.isEmpty()) {
      template.batchUpdate(
          """
          INSERT INTO live_calls (session_id, organization_id, campaign_id, contact_id,
            phone_number_id, attempt, contact_version, node, state, lease_until, claimed_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'claimed', ?, ?)
          """,
          rows);
    }
  }

  /**
   * The attempt is being placed; false when it is no longer this node's claimed attempt (reaped).
   * why first in the placing transaction: its row lock makes a concurrent reaper wait and then see
   * the call as placed.
   */
  int[] markDialing(List<UUID> sessionIds, String node) {
    return batch(
        "UPDATE live_calls SET state = 'dialing' WHERE session_id = ? AND node = ?"
            + " AND state = 'claimed'",
        sessionIds.stream().map(id -> new Object[] {id, node}).toList());
  }

  /** Undoes {@link #markDialing} in the same transaction for attempts that could not be placed. */
  void backToClaimed(List<UUID> sessionIds) {
    batch(
        "UPDATE live_calls SET state = 'claimed' WHERE session_id = ?",
        sessionIds.stream().map(id -> new Object[] {id}).toList());
  }

  private int[] batch(String sql, List<Object[]> rows) {
    return rows.isEmpty() ? new int[0] : template.batchUpdate(sql, rows);
  }

  /** Removes a claimed attempt that was never placed; false when it was placed or settled. */
  boolean deleteClaimed(UUID sessionId) {
    return jdbc.sql("DELETE FROM live_calls WHERE session_id = ? AND state = 'claimed'")
            .param(sessionId)
            .update()
        == 1;
  }

  /** Settles attempts: per session, 1 for the one caller that removed its row, else 0. */
  int[] delete(List<UUID> sessionIds) {
    return batch(
        "DELETE FROM live_calls WHERE session_id = ?",
        sessionIds.stream().map(id -> new Object[] {id}).toList());
  }

  List<LiveCall> ofNode(String node) {
    return jdbc.sql("SELECT * FROM live_calls WHERE node = ?")
        .param(node)
        .query(LiveCallRepository::map)
        .list();
  }

  List<LiveCall> leaseExpired(Instant cutoff, int limit) {
    return jdbc.sql("SELECT * FROM live_calls WHERE lease_until < ? ORDER BY lease_until LIMIT ?")
        .params(Times.db(cutoff), limit)
        .query(LiveCallRepository::map)
        .list();
  }

  private static LiveCall map(ResultSet rs, int n) throws SQLException {
    return new LiveCall(
        rs.getObject("session_id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        rs.getObject("campaign_id", UUID.class),
        rs.getObject("contact_id", UUID.class),
        rs.getInt("attempt"),
        rs.getLong("contact_version"),
        rs.getString("state"),
        Times.instant(rs, "claimed_at"));
  }

  /** A live attempt found by the reaper. */
  record LiveCall(
      UUID sessionId,
      UUID organizationId,
      UUID campaignId,
      UUID contactId,
      int attempt,
      long contactVersion,
      String state,
      Instant claimedAt) {

    boolean placed() {
      return DIALING.equals(state);
    }

    LiveAttempt toAttempt() {
      AttemptOrigin origin =
          campaignId == null
              ? new AttemptOrigin.SingleCall(claimedAt)
              : new AttemptOrigin.CampaignContact(campaignId, contactId, contactVersion, null);
      return new LiveAttempt(sessionId, organizationId, attempt, origin);
    }
  }
}
