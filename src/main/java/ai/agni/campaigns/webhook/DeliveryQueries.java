package ai.agni.campaigns.webhook;

import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The API's SQL of {@code webhook_deliveries}: one organization's deliveries, filtered and paged,
 * and the manual retry of a dead one. The deliverer's SQL is in {@link DeliveryRepository}.
 */
@Repository
class DeliveryQueries {

  private static final String COLUMNS =
      "d.id, d.event_id, d.event, d.organization_id, d.campaign_id, d.url, d.status, d.attempts,"
          + " d.last_status_code, d.last_error, d.next_attempt_at, d.delivered_at, d.created_at";

  private final JdbcClient jdbc;

  DeliveryQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<DeliveryView> list(UUID organizationId, DeliveryFilter filter, PageParams page) {
    List<Object> params = filter.params(organizationId);
    params.add(page.limit());
    params.add(page.offset());
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM webhook_deliveries d WHERE "
                + filter.where()
                + " ORDER BY d.created_at DESC, d.id DESC LIMIT ? OFFSET ?")
        .params(params)
        .query(DeliveryQueries::view)
        .list();
  }

  long count(UUID organizationId, DeliveryFilter filter) {
    return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries d WHERE " + filter.where())
        .params(filter.params(organizationId))
        .query(Long.class)
        .single();
  }

  Optional<DeliveryView> find(UUID organizationId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM webhook_deliveries d WHERE d.organization_id = ? AND d.id = ?")
        .params(organizationId, id)
        .query(DeliveryQueries::view)
        .optional();
  }

  /** A dead delivery pending again, due now, with a fresh retry schedule; false unless dead. */
  boolean requeue(UUID organizationId, UUID id, Instant now) {
    return jdbc.sql(
                """
                UPDATE webhook_deliveries
                SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_owner = NULL,
                    lease_until = NULL, version = version + 1
                WHERE organization_id = ? AND id = ? AND status = 'dead'
                """)
            .params(Times.db(now), organizationId, id)
            .update()
        == 1;
  }

  private static DeliveryView view(ResultSet rs, int row) throws SQLException {
    return new DeliveryView(
        rs.getObject("id", UUID.class).toString(),
        rs.getObject("event_id", UUID.class).toString(),
        rs.getString("event"),
        rs.getString("url"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getObject("last_status_code", Integer.class),
        rs.getString("last_error"),
        "pending".equals(rs.getString("status"))
            ? Times.iso(Times.instant(rs, "next_attempt_at"))
            : null,
        Times.iso(Times.instant(rs, "delivered_at")),
        Times.iso(Times.instant(rs, "created_at")));
  }
}
