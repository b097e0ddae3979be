package ai.agni.campaigns.dnc;

import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code dnc_numbers} table; {@link #contains} is the check the dialer makes. */
@Repository
public class DncRepository {

  private final JdbcClient jdbc;

  DncRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the organization listed this E.164 number as do-not-call. */
  public boolean contains(UUID organizationId, String e164) {
    return jdbc.sql("SELECT COUNT(*) FROM dnc_numbers WHERE organization_id = ? AND phone = ?")
            .params(organizationId, e164)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Lists the number unless it is listed already; returns whether it was added. */
  boolean add(UUID organizationId, String e164, Instant now) {
    // why ON CONFLICT: two requests listing one number at once must both succeed.
    return jdbc.sql(
                "INSERT INTO dnc_numbers (organization_id, phone, created_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")
            .params(organizationId, e164, Times.db(now))
            .update()
        == 1;
  }

  Optional<DncEntry> find(UUID organizationId, String e164) {
    return jdbc.sql("SELECT * FROM dnc_numbers WHERE organization_id = ? AND phone = ?")
        .params(organizationId, e164)
        .query(DncRepository::map)
        .optional();
  }

  List<DncEntry> list(UUID organizationId, int limit, long offset) {
    return jdbc.sql(
            "SELECT * FROM dnc_numbers WHERE organization_id = ? ORDER BY created_at, phone"
                + " LIMIT ? OFFSET ?")
        .params(organizationId, limit, offset)
        .query(DncRepository::map)
        .list();
  }

  long count(UUID organizationId) {
    return jdbc.sql("SELECT COUNT(*) FROM dnc_numbers WHERE organization_id = ?")
        .param(organizationId)
        .query(Long.class)
        .single();
  }

  boolean remove(UUID organizationId, String e164) {
    return jdbc.sql("DELETE FROM dnc_numbers WHERE organization_id = ? AND phone = ?")
            .params(organizationId, e164)
            .update()
        == 1;
  }

  private static DncEntry map(ResultSet rs, int row) throws SQLException {
    return new DncEntry(rs.getString("phone"), Times.iso(Times.instant(rs, "created_at")));
  }
}
