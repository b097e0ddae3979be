package ai.agni.campaigns.campaign;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code idempotency_keys}: the first answer of a campaign creation, per key. */
@Repository
class IdempotencyKeys {

  private final JdbcClient jdbc;

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored answer if the key was used at or after {@code notBefore}. */
  Optional<String> find(UUID organizationId, String key, Instant notBefore) {
    return jdbc.sql(
            "SELECT response FROM idempotency_keys WHERE organization_id = ?"
                + " AND idempotency_key = ? AND created_at >= ?")
        .params(organizationId, key, Times.db(notBefore))
        .query(String.class)
        .optional();
  }

  /** Forgets the key if it is older than {@code notBefore}, so it may be used afresh. */
  void forgetExpired(UUID organizationId, String key, Instant notBefore) {
    jdbc.sql(
            "DELETE FROM idempotency_keys WHERE organization_id = ? AND idempotency_key = ?"
                + " AND created_at < ?")
        .params(organizationId, key, Times.db(notBefore))
        .update();
  }

  /** Throws DuplicateKeyException when a concurrent request stored the key first. */
  void insert(UUID organizationId, String key, String response, Instant now) {
    jdbc.sql(
            "INSERT INTO idempotency_keys (organization_id, idempotency_key, response, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(organizationId, key, response, Times.db(now))
        .update();
  }
}
