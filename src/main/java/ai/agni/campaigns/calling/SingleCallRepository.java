package ai.agni.campaigns.calling;

import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.telephony.CallRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code waiting_calls}: single calls waiting for capacity under the same caps as campaigns. The
 * engine takes one (a guarded delete) when it claims a slot for it, and puts it back when the slot
 * was never used.
 */
@Repository
public class SingleCallRepository {

  private final JdbcClient jdbc;

  SingleCallRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An active number of the organization by its E.164 form. */
  Optional<UUID> activeLine(UUID organizationId, String number) {
    return jdbc.sql(
            "SELECT id FROM phone_numbers WHERE organization_id = ? AND phone_number = ?"
                + " AND status = 'active'")
        .params(organizationId, number)
        .query(UUID.class)
        .optional();
  }

  boolean agentExists(UUID organizationId, UUID agentId) {
    return jdbc.sql("SELECT 1 FROM agents WHERE organization_id = ? AND id = ?")
        .params(organizationId, agentId)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  void enqueue(UUID sessionId, UUID organizationId, Instant now) {
    jdbc.sql("INSERT INTO waiting_calls (session_id, organization_id, queued_at) VALUES (?, ?, ?)")
        .params(sessionId, organizationId, Times.db(now))
        .update();
  }

  /** The organizations with single calls waiting. */
  public List<UUID> waitingOrganizations() {
    return jdbc.sql("SELECT DISTINCT organization_id FROM waiting_calls").query(UUID.class).list();
  }

  /** The organization's oldest waiting calls. */
  public List<WaitingCall> waiting(UUID organizationId, int limit) {
    return jdbc.sql(
            """
            SELECT w.session_id, w.queued_at, c.agent_id, c.callee_number, p.id AS line_id,
                   p.phone_number, p.provider, p.max_concurrent, p.max_cps, a.ring_duration_ms,
                   a.max_call_duration_ms, p.sip_trunk_uri, p.sip_username, p.sip_password,
                   p.runtime_url, p.runtime_secret, a.sip_uri AS agent_sip_uri
            FROM waiting_calls w JOIN calls c ON c.id = w.session_id
            JOIN phone_numbers p ON p.id = c.phone_number_id
            LEFT JOIN agents a ON a.id = c.agent_id
            WHERE w.organization_id = ?
            ORDER BY w.queued_at LIMIT ?
            """)
        .params(organizationId, limit)
        .query(
            (rs, n) ->
                new WaitingCall(
                    rs.getObject("session_id", UUID.class),
                    organizationId,
                    rs.getObject("agent_id", UUID.class),
                    rs.getObject("line_id", UUID.class),
                    rs.getString("phone_number"),
                    rs.getString("provider"),
                    rs.getObject("max_concurrent", Integer.class),
                    rs.getObject("max_cps", Double.class),
                    rs.getString("callee_number"),
                    CallRoutes.read(rs),
                    Duration.ofMillis(Math.max(1, rs.getLong("ring_duration_ms"))),
                    Duration.ofMillis(Math.max(1, rs.getLong("max_call_duration_ms"))),
                    Times.instant(rs, "queued_at")))
        .list();
  }

  /** Takes a waiting call for a claim; false when another node took it first. */
  public boolean take(UUID sessionId) {
    return jdbc.sql("DELETE FROM waiting_calls WHERE session_id = ?").param(sessionId).update()
        == 1;
  }

  /** Puts back a call whose claimed slot was never used; it keeps its place in line. */
  public void putBack(UUID sessionId, UUID organizationId, Instant queuedAt) {
    jdbc.sql(
            """
            INSERT INTO waiting_calls (session_id, organization_id, queued_at) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        .params(sessionId, organizationId, Times.db(queuedAt))
        .update();
  }
}
