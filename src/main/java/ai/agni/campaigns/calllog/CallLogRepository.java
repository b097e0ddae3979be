package ai.agni.campaigns.calllog;

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
 * Reads call sessions from the {@code calls} table (the dialer writes it). Sessions sort by start,
 * or by queue time while not started, then by id, so paging is stable.
 */
@Repository
public class CallLogRepository {

  private static final String SORT_KEY = "COALESCE(started_at, queued_at)";

  private final JdbcClient jdbc;

  CallLogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One session of the organization. */
  public Optional<CallSessionView> session(UUID organizationId, UUID sessionId) {
    return jdbc.sql("SELECT * FROM calls WHERE organization_id = ? AND id = ?")
        .params(organizationId, sessionId)
        .query(CallLogRepository::map)
        .optional();
  }

  /** A contact's latest sessions, newest first. */
  public List<CallSessionView> recentForContact(UUID organizationId, UUID contactId, int limit) {
    return jdbc.sql(
            "SELECT * FROM calls WHERE organization_id = ? AND contact_id = ?"
                + " ORDER BY "
                + SORT_KEY
                + " DESC, id DESC LIMIT ?")
        .params(organizationId, contactId, limit)
        .query(CallLogRepository::map)
        .list();
  }

  List<CallSessionView> find(UUID organizationId, CallSessionFilter filter, SessionPage page) {
    Where where = where(organizationId, filter);
    String direction = filter.ascending() ? "ASC" : "DESC";
    List<Object> params = new ArrayList<>(where.params());
    params.add(page.pageSize());
    params.add(page.offset());
    return jdbc.sql(
            "SELECT * FROM calls WHERE "
                + where.sql()
                + " ORDER BY "
                + SORT_KEY
                + " "
                + direction
                + ", id "
                + direction
                + " LIMIT ? OFFSET ?")
        .params(params)
        .query(CallLogRepository::map)
        .list();
  }

  long count(UUID organizationId, CallSessionFilter filter) {
    Where where = where(organizationId, filter);
    return jdbc.sql("SELECT COUNT(*) FROM calls WHERE " + where.sql())
        .params(where.params())
        .query(Long.class)
        .single();
  }

  private static Where where(UUID organizationId, CallSessionFilter filter) {
    Where where = new Where();
    where.and("organization_id = ?", organizationId);
    where.and("campaign_id = ?", filter.campaignId());
    where.and("agent_id = ?", filter.agentId());
    where.and("contact_id = ?", filter.contactId());
    where.and("caller_number = ?", filter.callerNumber());
    where.and("callee_number = ?", filter.calleeNumber());
    where.and(SORT_KEY + " >= ?", Times.db(filter.startedAfter()));
    where.and(SORT_KEY + " < ?", Times.db(filter.startedBefore()));
    where.in("status", filter.statuses());
    return where;
  }

  private static CallSessionView map(ResultSet rs, int row) throws SQLException {
    String status = rs.getString("status");
    return new CallSessionView(
        rs.getObject("id", UUID.class),
        rs.getObject("campaign_id", UUID.class),
        rs.getObject("contact_id", UUID.class),
        rs.getObject("agent_id", UUID.class),
        rs.getInt("attempt"),
        rs.getString("channel"),
        rs.getString("caller_number"),
        rs.getString("callee_number"),
        status == null ? null : status.toLowerCase(Locale.ROOT),
        rs.getString("disconnect_reason"),
        Times.isoMillis(Times.instant(rs, "started_at")),
        Times.isoMillis(Times.instant(rs, "answered_at")),
        Times.isoMillis(Times.instant(rs, "ended_at")),
        rs.getObject("duration_sec", Integer.class),
        "sip".equals(rs.getString("provider")) ? rs.getString("provider_ref") : null,
        rs.getString("disconnect_detail"),
        rs.getObject("counts_as_attempt", Boolean.class));
  }

  /** A WHERE clause built from the criteria that are set. */
  private static final class Where {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    void and(String clause, Object param) {
      if (param != null) {
        clauses.add(clause);
        params.add(param);
      }
    }

    void in(String column, List<String> values) {
      if (!values.isEmpty()) {
        clauses.add(
            column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")");
        params.addAll(values);
      }
    }

    String sql() {
      return String.join(" AND ", clauses);
    }

    List<Object> params() {
      return params;
    }
  }
}
