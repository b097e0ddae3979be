package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single calls placed through create-call: a {@code queued} call row with no node waits until the
 * engine has capacity under the same caps as campaigns; the claim sets the node (guarded).
 */
@Repository
class AdHocCallRepository {

  /** A create-call request waiting for capacity. */
  record Waiting(
      UUID sessionId,
      UUID agentId,
      PhoneLine line,
      String to,
      Duration ringTimeout,
      Duration maxDuration) {}

  private final JdbcClient jdbc;

  AdHocCallRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An active number of the organization by its E.164 form. */
  Optional<UUID> activeLine(UUID organizationId, String number) {
    return jdbc.sql(
            "SELECT id FROM phone_numbers WHERE organization_id = ? AND phone_number = ?"
                + " AND status = 'active'")
        .param(organizationId)
        .param(number)
        .query(UUID.class)
        .optional();
  }

  boolean agentExists(UUID organizationId, UUID agentId) {
    return jdbc.sql("SELECT 1 FROM agents WHERE organization_id = ? AND id = ?")
        .param(organizationId)
        .param(agentId)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  void insert(
      UUID sessionId,
      UUID organizationId,
      UUID agentId,
      UUID lineId,
      String from,
      String to,
      String metadata,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO calls (id, organization_id, agent_id, phone_number_id, attempt, channel,
              caller_number, callee_number, status, provider, metadata, queued_at, version)
            SELECT ?, ?, ?, p.id, 1, 'voice', ?, ?, 'queued', p.provider, ?, ?, 0
            FROM phone_numbers p WHERE p.id = ? AND p.organization_id = ?
            """)
        .params(sessionId, organizationId, agentId, from, to, metadata, Times.db(now))
        .param(lineId)
        .param(organizationId)
        .update();
  }

  List<UUID> waitingOrganizations() {
    return jdbc.sql(
            "SELECT DISTINCT organization_id FROM calls WHERE node IS NULL AND status = 'queued'")
        .query(UUID.class)
        .list();
  }

  List<Waiting> waiting(UUID organizationId, int limit) {
    return jdbc.sql(
            """
            SELECT c.id, c.agent_id, c.callee_number, p.id AS line_id, p.phone_number, p.provider,
                   p.max_concurrent, p.max_cps, a.ring_duration_ms, a.max_call_duration_ms
            FROM calls c JOIN phone_numbers p ON p.id = c.phone_number_id
            LEFT JOIN agents a ON a.id = c.agent_id
            WHERE c.node IS NULL AND c.status = 'queued' AND c.organization_id = ?
            ORDER BY c.queued_at LIMIT ?
            """)
        .param(organizationId)
        .param(limit)
        .query(
            (rs, n) ->
                new Waiting(
                    rs.getObject("id", UUID.class),
                    rs.getObject("agent_id", UUID.class),
                    new PhoneLine(
                        rs.getObject("line_id", UUID.class),
                        rs.getString("phone_number"),
                        rs.getString("provider"),
                        rs.getObject("max_concurrent", Integer.class),
                        rs.getObject("max_cps", Double.class),
                        new HashMap<>()),
                    rs.getString("callee_number"),
                    Duration.ofMillis(Math.max(1, rs.getLong("ring_duration_ms"))),
                    Duration.ofMillis(Math.max(1, rs.getLong("max_call_duration_ms")))))
        .list();
  }

  /** Takes a waiting call for this node; false when another node took it first. */
  boolean claim(UUID sessionId, String node) {
    return jdbc.sql(
                """
                UPDATE calls SET node = ?, version = version + 1
                WHERE id = ? AND node IS NULL AND status = 'queued'
                """)
            .param(node)
            .param(sessionId)
            .update()
        == 1;
  }
}
