package ai.agni.campaigns.telephony.http;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what checking a runtime's call event needs: the session, its provider and secret. */
@Repository
class HttpCallRepository {

  /**
   * A call session as the events endpoint sees it.
   *
   * @param provider the provider of the number the call went out on
   * @param runtimeSecret that number's secret now, sealed ({@code NumberSecrets}), or null
   * @param status the call row's status ({@code ringing}, {@code in_progress}, an outcome, ...)
   * @param answeredAt when the call row says it was answered, or null
   */
  record ReportedSession(
      UUID sessionId,
      UUID organizationId,
      String provider,
      String runtimeSecret,
      String status,
      Instant answeredAt) {}

  private final JdbcClient jdbc;

  HttpCallRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ReportedSession> find(UUID sessionId) {
    return jdbc.sql(
            """
            SELECT c.id, c.organization_id, c.provider, c.status, c.answered_at, p.runtime_secret
            FROM calls c LEFT JOIN phone_numbers p ON p.id = c.phone_number_id
            WHERE c.id = ?
            """)
        .param(sessionId)
        .query(
            (rs, row) ->
                new ReportedSession(
                    rs.getObject("id", UUID.class),
                    rs.getObject("organization_id", UUID.class),
                    rs.getString("provider"),
                    rs.getString("runtime_secret"),
                    rs.getString("status"),
                    Times.instant(rs, "answered_at")))
        .optional();
  }
}
