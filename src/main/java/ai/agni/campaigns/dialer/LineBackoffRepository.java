package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code line_backoffs}: one row per number whose trunk or runtime could not take calls, holding
 * the instant before which it dials nothing. The poll reads it with the due campaigns; the writes
 * happen in the transaction that records the failed call.
 */
@Repository
class LineBackoffRepository {

  private final JdbcClient jdbc;

  LineBackoffRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Backs the number off after a failure at {@code now}; returns the new back-off. */
  LineBackoff backOff(
      UUID organizationId, UUID lineId, Duration retryAfter, String reason, Instant now) {
    jdbc.sql(
            """
            INSERT INTO line_backoffs (phone_number_id, organization_id, blocked_until, failures,
              reason, updated_at)
            VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT DO NOTHING
            """)
        .params(lineId, organizationId, Times.db(now), reason, Times.db(now))
        .update();
    LineBackoff stored =
        jdbc.sql(
                "SELECT blocked_until, failures FROM line_backoffs WHERE phone_number_id = ?"
                    + " AND organization_id = ? FOR UPDATE")
            .params(lineId, organizationId)
            .query(
                (rs, n) ->
                    new LineBackoff(Times.instant(rs, "blocked_until"), rs.getInt("failures")))
            .single();
    // why: a row just created holds no failure yet.
    LineBackoff previous = stored.failures() == 0 ? null : stored;
    LineBackoff next = LineBackoff.next(previous, retryAfter, now);
    jdbc.sql(
            """
            UPDATE line_backoffs SET blocked_until = ?, failures = ?, reason = ?, updated_at = ?
            WHERE phone_number_id = ? AND organization_id = ?
            """)
        .params(Times.db(next.blockedUntil()), next.failures(), reason, Times.db(now))
        .params(lineId, organizationId)
        .update();
    return next;
  }
}
