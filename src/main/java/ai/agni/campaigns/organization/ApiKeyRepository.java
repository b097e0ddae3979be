package ai.agni.campaigns.organization;

import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code api_keys} table. */
@Repository
class ApiKeyRepository {

  private final JdbcClient jdbc;

  ApiKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ApiKey key) {
    jdbc.sql(
            """
            INSERT INTO api_keys (id, organization_id, name, prefix, key_hash, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        .params(
            key.id(),
            key.organizationId(),
            key.name(),
            key.prefix(),
            key.keyHash(),
            Times.db(key.createdAt()))
        .update();
  }

  Optional<ApiKey> findActiveByHash(String hash) {
    return jdbc.sql("SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")
        .param(hash)
        .query(ApiKeyRepository::map)
        .optional();
  }

  List<ApiKey> list(UUID organizationId, int limit, long offset) {
    return jdbc.sql(
            "SELECT * FROM api_keys WHERE organization_id = ? ORDER BY created_at, id"
                + " LIMIT ? OFFSET ?")
        .params(organizationId, limit, offset)
        .query(ApiKeyRepository::map)
        .list();
  }

  long count(UUID organizationId) {
    return jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE organization_id = ?")
        .param(organizationId)
        .query(Long.class)
        .single();
  }

  Optional<ApiKey> find(UUID organizationId, UUID id) {
    return jdbc.sql("SELECT * FROM api_keys WHERE organization_id = ? AND id = ?")
        .params(organizationId, id)
        .query(ApiKeyRepository::map)
        .optional();
  }

  /** Revokes once; a second revoke keeps the first time. */
  void revoke(UUID organizationId, UUID id, Instant at) {
    jdbc.sql(
            "UPDATE api_keys SET revoked_at = ? WHERE organization_id = ? AND id = ?"
                + " AND revoked_at IS NULL")
        .params(Times.db(at), organizationId, id)
        .update();
  }

  private static ApiKey map(ResultSet rs, int row) throws SQLException {
    return new ApiKey(
        rs.getObject("id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        rs.getString("name"),
        rs.getString("prefix"),
        rs.getString("key_hash"),
        Times.instant(rs, "created_at"),
        Times.instant(rs, "revoked_at"));
  }
}
