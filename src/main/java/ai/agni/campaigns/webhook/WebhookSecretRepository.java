package ai.agni.campaigns.webhook;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook secret columns of {@code organizations} (sealed values only): the current secret, the
 * one it replaced and when. why here and not in the organization feature: only webhooks read or
 * rotate them, and keeping their SQL beside the deliverer keeps the organization feature unaware of
 * rotation.
 */
@Repository
class WebhookSecretRepository {

  private final JdbcClient jdbc;

  WebhookSecretRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The sealed secrets of one organization. */
  record Stored(String current, String previous, Instant rotatedAt) {}

  Optional<Stored> find(UUID organizationId) {
    return jdbc.sql(
            "SELECT webhook_secret, previous_webhook_secret, webhook_secret_rotated_at"
                + " FROM organizations WHERE id = ?")
        .param(organizationId)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString("webhook_secret"),
                    rs.getString("previous_webhook_secret"),
                    Times.instant(rs, "webhook_secret_rotated_at")))
        .optional();
  }

  /**
   * Replaces the secret, keeping the current one as the previous; guarded by the current value, so
   * of two rotations at once one wins and the other sees 0 rows (false).
   */
  boolean rotate(UUID organizationId, String expectedCurrent, String next, Instant now) {
    return jdbc.sql(
                """
                UPDATE organizations
                SET previous_webhook_secret = webhook_secret, webhook_secret = ?,
                    webhook_secret_rotated_at = ?
                WHERE id = ? AND webhook_secret = ?
                """)
            .params(next, Times.db(now), organizationId, expectedCurrent)
            .update()
        == 1;
  }
}
