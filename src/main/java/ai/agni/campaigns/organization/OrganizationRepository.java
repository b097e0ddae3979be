package ai.agni.campaigns.organization;

import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code organizations} table. */
@Repository
public class OrganizationRepository {

  private final JdbcClient jdbc;

  OrganizationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Organization org) {
    jdbc.sql(
            """
            INSERT INTO organizations (id, name, default_region, outbound_max_concurrent,
                                       outbound_max_cps, webhook_secret, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            org.id(),
            org.name(),
            org.defaultRegion(),
            org.outboundMaxConcurrent(),
            org.outboundMaxCps(),
            org.webhookSecret(),
            Times.db(org.createdAt()))
        .update();
  }

  public Optional<Organization> find(UUID id) {
    return jdbc.sql("SELECT * FROM organizations WHERE id = ?")
        .param(id)
        .query(OrganizationRepository::map)
        .optional();
  }

  boolean any() {
    return jdbc.sql("SELECT COUNT(*) FROM organizations").query(Long.class).single() > 0;
  }

  static Organization map(ResultSet rs, int row) throws SQLException {
    return new Organization(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("default_region"),
        rs.getInt("outbound_max_concurrent"),
        rs.getDouble("outbound_max_cps"),
        rs.getString("webhook_secret"),
        Times.instant(rs, "created_at"));
  }
}
