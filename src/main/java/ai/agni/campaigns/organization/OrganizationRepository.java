package ai.agni.campaigns.organization;

import ai.agni.campaigns.campaign.schedule.FrequencyCap;
import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code organizations} table. */
@Repository
public class OrganizationRepository {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

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

  /** The organization, its row locked until the transaction ends (read-modify-write). */
  Optional<Organization> lock(UUID id) {
    return jdbc.sql("SELECT * FROM organizations WHERE id = ? FOR UPDATE")
        .param(id)
        .query(OrganizationRepository::map)
        .optional();
  }

  /** The organization's calling hours and frequency caps; none for an unknown id. */
  public OrganizationRules rules(UUID id) {
    return jdbc.sql(
            """
            SELECT calling_hours_start, calling_hours_end, frequency_caps
            FROM organizations WHERE id = ?
            """)
        .param(id)
        .query((rs, row) -> mapRules(rs))
        .optional()
        .orElse(OrganizationRules.NONE);
  }

  /**
   * Name, region and rules. The caps are stored as the API shows them, {@code
   * [{"max_calls":2,"per_hours":24}]}, and calling hours as two {@code HH:mm} columns (both null:
   * none): the dialer reads these columns as they are.
   */
  void update(UUID id, String name, String defaultRegion, OrganizationRules rules) {
    OrganizationRules.CallingHours hours = rules.callingHours();
    jdbc.sql(
            """
            UPDATE organizations
            SET name = ?, default_region = ?, calling_hours_start = ?, calling_hours_end = ?,
                frequency_caps = ?
            WHERE id = ?
            """)
        .params(
            name,
            defaultRegion,
            hours == null ? null : HH_MM.format(hours.start()),
            hours == null ? null : HH_MM.format(hours.end()),
            FrequencyCap.toJson(rules.frequencyCaps()),
            id)
        .update();
  }

  private OrganizationRules mapRules(ResultSet rs) throws SQLException {
    String start = rs.getString("calling_hours_start");
    String end = rs.getString("calling_hours_end");
    OrganizationRules.CallingHours hours =
        start == null || end == null
            ? null
            : new OrganizationRules.CallingHours(LocalTime.parse(start), LocalTime.parse(end));
    return new OrganizationRules(hours, FrequencyCap.parseJson(rs.getString("frequency_caps")));
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
