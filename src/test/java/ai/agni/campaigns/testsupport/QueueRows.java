package ai.agni.campaigns.testsupport;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For fixtures that write queue rows straight to the database (to put a contact in a state without
 * running the engine): rebuilds the campaign's head row from a recount, as the queue repository
 * keeps it, so counters stay exact. An active campaign's next work is due at {@code dueAt}.
 */
public final class QueueRows {

  private static final String CONTACTED =
      "CASE WHEN cc.attempts - CASE WHEN cc.state = 'in_progress' THEN 1 ELSE 0 END > 0"
          + " THEN 1 ELSE 0 END";

  private QueueRows() {}

  public static void sync(JdbcClient jdbc, UUID campaignId, Instant dueAt) {
    jdbc.sql("DELETE FROM campaign_queues WHERE campaign_id = ?").param(campaignId).update();
    jdbc.sql(
            """
            INSERT INTO campaign_queues (campaign_id, organization_id, total, pending,
              in_progress, successful, no_answer, failed, contacted, next_work_at, work_seq)
            SELECT c.id, c.organization_id, COUNT(cc.contact_id), %s, %s, %s, %s, %s,
                   COALESCE(SUM(%s), 0), CASE WHEN c.status = 'active' THEN ? END, ?
            FROM campaigns c LEFT JOIN campaign_contacts cc ON cc.campaign_id = c.id
            WHERE c.id = ? GROUP BY c.id, c.organization_id, c.status
            """
                .formatted(
                    count("pending"),
                    count("in_progress"),
                    count("successful"),
                    count("no_answer"),
                    count("failed"),
                    CONTACTED))
        .params(Times.db(dueAt), System.nanoTime(), campaignId)
        .update();
  }

  /** The head row's counters, as "state=count" pairs plus total and contacted, for assertions. */
  public static String counters(JdbcClient jdbc, UUID campaignId) {
    return jdbc.sql(
            """
            SELECT total, pending, in_progress, successful, no_answer, failed, contacted
            FROM campaign_queues WHERE campaign_id = ?
            """)
        .param(campaignId)
        .query(QueueRows::figures)
        .single();
  }

  /** The same figures recounted from the queue rows (what the counters must equal). */
  public static String recount(JdbcClient jdbc, UUID campaignId) {
    return jdbc.sql(
            """
            SELECT COUNT(cc.contact_id), %s, %s, %s, %s, %s, COALESCE(SUM(%s), 0)
            FROM campaign_contacts cc WHERE cc.campaign_id = ?
            """
                .formatted(
                    count("pending"),
                    count("in_progress"),
                    count("successful"),
                    count("no_answer"),
                    count("failed"),
                    CONTACTED))
        .param(campaignId)
        .query(QueueRows::figures)
        .single();
  }

  private static String figures(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return "total=%d pending=%d in_progress=%d successful=%d no_answer=%d failed=%d contacted=%d"
        .formatted(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            rs.getLong(7));
  }

  private static String count(String state) {
    return "COALESCE(SUM(CASE WHEN cc.state = '" + state + "' THEN 1 ELSE 0 END), 0)";
  }
}
