package ai.agni.campaigns.calllog;

import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads one contact for the detail view. why its own read: the contact feature owns the table's
 * writes; this page only needs one row, so it does not depend on that feature's internals.
 */
@Repository
class ContactDetailRepository {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ContactDetailRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<ContactDetailView> find(UUID organizationId, UUID contactId) {
    return jdbc.sql("SELECT * FROM contacts WHERE organization_id = ? AND id = ?")
        .params(organizationId, contactId)
        .query(this::map)
        .optional();
  }

  private ContactDetailView map(ResultSet rs, int row) throws SQLException {
    return new ContactDetailView(
        rs.getObject("id", UUID.class),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("email"),
        rs.getString("phone"),
        rs.getString("company"),
        rs.getString("timezone"),
        json.readTree(rs.getString("metadata")),
        json.readTree(rs.getString("tags")),
        rs.getString("notes"),
        Times.iso(Times.instant(rs, "created_at")),
        Times.iso(Times.instant(rs, "updated_at")),
        List.of());
  }
}
