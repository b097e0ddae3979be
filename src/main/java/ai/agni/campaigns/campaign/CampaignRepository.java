package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.campaign.schedule.RetryRules;
import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the {@code campaigns} table. Every write after the insert is guarded by {@code version}
 * and answers whether it won; 0 rows means another writer came first.
 */
@Repository
class CampaignRepository {

  private final JdbcClient jdbc;

  CampaignRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Campaign c) {
    jdbc.sql(
            """
            INSERT INTO campaigns (id, organization_id, name, agent_id, phone_number_id,
              from_phone_number, status, execution_status, schedule_start, schedule_end,
              window_start, window_end, window_days, timezone, max_concurrent, retry_attempts,
              retry_gap_min, window_timezone, blackout_dates, retry_policy,
              outbound_max_concurrent, outbound_max_cps, started_at, completed_at, created_at,
              updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
              ?)
            """)
        .params(c.id(), c.organizationId(), c.name(), c.agentId(), c.phoneNumberId())
        .params(c.fromPhoneNumber(), c.status().wire(), c.status().executionStatus())
        .params(scheduleParams(c.schedule()))
        .params(c.outboundMaxConcurrent(), c.outboundMaxCps())
        .params(Times.db(c.startedAt()), Times.db(c.completedAt()))
        .params(Times.db(c.createdAt()), Times.db(c.updatedAt()), c.version())
        .update();
  }

  Optional<Campaign> find(UUID organizationId, UUID id) {
    return jdbc.sql("SELECT * FROM campaigns WHERE organization_id = ? AND id = ?")
        .params(organizationId, id)
        .query(CampaignRepository::map)
        .optional();
  }

  /**
   * The campaign with its row locked until the transaction ends. why: adding contacts and the
   * engine's completion both lock the row, so contacts are never added to a campaign that is being
   * completed as finished.
   */
  Optional<Campaign> lock(UUID organizationId, UUID id) {
    return jdbc.sql("SELECT * FROM campaigns WHERE organization_id = ? AND id = ? FOR UPDATE")
        .params(organizationId, id)
        .query(CampaignRepository::map)
        .optional();
  }

  /** A page, newest first; {@code status} and {@code search} (name contains) are optional. */
  List<Campaign> list(UUID organizationId, CampaignStatus status, String search, PageParams page) {
    List<Object> params = new ArrayList<>();
    String where = where(organizationId, status, search, params);
    params.add(page.limit());
    params.add(page.offset());
    return jdbc.sql(
            "SELECT * FROM campaigns"
                + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
        .params(params)
        .query(CampaignRepository::map)
        .list();
  }

  long count(UUID organizationId, CampaignStatus status, String search) {
    List<Object> params = new ArrayList<>();
    String where = where(organizationId, status, search, params);
    return jdbc.sql("SELECT COUNT(*) FROM campaigns" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  /** Writes {@code next} if the row is still at {@code next.version() - 1}. */
  boolean update(Campaign next) {
    int rows =
        jdbc.sql(
                """
                UPDATE campaigns SET name = ?, agent_id = ?, phone_number_id = ?,
                  from_phone_number = ?, status = ?, execution_status = ?, schedule_start = ?,
                  schedule_end = ?, window_start = ?, window_end = ?, window_days = ?,
                  timezone = ?, max_concurrent = ?, retry_attempts = ?, retry_gap_min = ?,
                  window_timezone = ?, blackout_dates = ?, retry_policy = ?,
                  outbound_max_concurrent = ?, outbound_max_cps = ?, started_at = ?,
                  completed_at = ?, updated_at = ?, version = ?,
                  paused_reason = CASE WHEN status = 'paused' AND ? = 'paused'
                                       THEN paused_reason END,
                  active_since = CASE WHEN status <> 'active' AND ? = 'active' THEN ?
                                      ELSE active_since END
                WHERE id = ? AND organization_id = ? AND version = ?
                """)
            .params(next.name(), next.agentId(), next.phoneNumberId(), next.fromPhoneNumber())
            .params(next.status().wire(), next.status().executionStatus())
            .params(scheduleParams(next.schedule()))
            .params(next.outboundMaxConcurrent(), next.outboundMaxCps())
            .params(Times.db(next.startedAt()), Times.db(next.completedAt()))
            .params(Times.db(next.updatedAt()), next.version(), next.status().wire())
            // why: the dial lag of the engine counts from no earlier than the last activation.
            .params(next.status().wire(), Times.db(next.updatedAt()))
            .params(next.id(), next.organizationId(), next.version() - 1)
            .update();
    return counted(rows, next);
  }

  /**
   * Claims the campaign for deletion if the row is still at {@code version}: the guarded version
   * bump locks the row first, so a concurrent writer makes this answer false and delete nothing.
   */
  boolean claimForDelete(UUID organizationId, UUID id, long version) {
    return jdbc.sql(
                "UPDATE campaigns SET version = version + 1"
                    + " WHERE id = ? AND organization_id = ? AND version = ?")
            .params(id, organizationId, version)
            .update()
        == 1;
  }

  /** Deletes the campaign row claimed by {@link #claimForDelete} (its queue is gone already). */
  void delete(UUID organizationId, UUID id) {
    jdbc.sql("DELETE FROM campaigns WHERE id = ? AND organization_id = ?")
        .params(id, organizationId)
        .update();
  }

  private static boolean counted(int rows, Campaign next) {
    if (rows > 1) {
      throw new IllegalStateException(
          "Guarded update touched " + rows + " rows. Indicates a bug: " + next);
    }
    return rows == 1;
  }

  private static List<Object> scheduleParams(Schedule s) {
    List<Object> values = new ArrayList<>();
    values.add(Times.db(s.start()));
    values.add(Times.db(s.end()));
    values.add(s.windowStart());
    values.add(s.windowEnd());
    values.add(s.daysColumn());
    values.add(s.timezone());
    values.add(s.maxConcurrent());
    values.add(s.retryAttempts());
    values.add(s.retryGapMin());
    values.add(s.windowTimezone());
    values.add(s.blackoutDatesColumn());
    values.add(s.retryPolicyColumn());
    return values;
  }

  private static String where(
      UUID organizationId, CampaignStatus status, String search, List<Object> params) {
    StringBuilder where = new StringBuilder(" WHERE organization_id = ?");
    params.add(organizationId);
    if (status != null) {
      where.append(" AND status = ?");
      params.add(status.wire());
    }
    if (search != null && !search.isBlank()) {
      where.append(" AND LOWER(name) LIKE ? ESCAPE '\\'");
      params.add("%" + escapeLike(search.trim().toLowerCase(Locale.ROOT)) + "%");
    }
    return where.toString();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static Campaign map(ResultSet rs, int row) throws SQLException {
    Schedule schedule =
        new Schedule(
            Times.instant(rs, "schedule_start"),
            Times.instant(rs, "schedule_end"),
            rs.getString("window_start"),
            rs.getString("window_end"),
            Schedule.parseDays(rs.getString("window_days")),
            rs.getString("timezone"),
            rs.getInt("max_concurrent"),
            rs.getInt("retry_attempts"),
            rs.getInt("retry_gap_min"),
            rs.getString("window_timezone"),
            Schedule.parseBlackoutDates(rs.getString("blackout_dates")),
            RetryRules.parse(rs.getString("retry_policy")));
    return new Campaign(
        rs.getObject("id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        rs.getString("name"),
        rs.getObject("agent_id", UUID.class),
        rs.getObject("phone_number_id", UUID.class),
        rs.getString("from_phone_number"),
        CampaignStatus.fromDatabase(rs.getString("status")),
        schedule,
        rs.getObject("outbound_max_concurrent", Integer.class),
        rs.getObject("outbound_max_cps", Double.class),
        Times.instant(rs, "started_at"),
        Times.instant(rs, "completed_at"),
        Times.instant(rs, "created_at"),
        Times.instant(rs, "updated_at"),
        rs.getLong("version"),
        rs.getString("paused_reason"));
  }
}
