package ai.agni.campaigns.agent;

import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** SQL of the {@code agents} table; {@link #find} is the read other features use. */
@Repository
public class AgentRepository {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  AgentRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The organization's agent, or empty when the id is another organization's or unknown. */
  public Optional<Agent> find(UUID organizationId, UUID id) {
    return jdbc.sql("SELECT * FROM agents WHERE organization_id = ? AND id = ?")
        .params(organizationId, id)
        .query(this::map)
        .optional();
  }

  /** Like {@link #find}, locking the row until the transaction ends (read-modify-write). */
  Optional<Agent> findForUpdate(UUID organizationId, UUID id) {
    return jdbc.sql("SELECT * FROM agents WHERE organization_id = ? AND id = ? FOR UPDATE")
        .params(organizationId, id)
        .query(this::map)
        .optional();
  }

  List<Agent> list(UUID organizationId, int limit, long offset) {
    return jdbc.sql(
            "SELECT * FROM agents WHERE organization_id = ? ORDER BY created_at, id"
                + " LIMIT ? OFFSET ?")
        .params(organizationId, limit, offset)
        .query(this::map)
        .list();
  }

  long count(UUID organizationId) {
    return jdbc.sql("SELECT COUNT(*) FROM agents WHERE organization_id = ?")
        .param(organizationId)
        .query(Long.class)
        .single();
  }

  void insert(Agent agent) {
    jdbc.sql(
            """
            INSERT INTO agents (name, agent_name, status, ring_duration_ms, max_call_duration_ms,
                                enable_voicemail_detection, webhook_urls, prompt, begin_message,
                                sip_uri, extra, updated_at, created_at, organization_id, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(columns(agent))
        .params(Times.db(agent.createdAt()), agent.organizationId(), agent.id())
        .update();
  }

  void update(Agent agent) {
    jdbc.sql(
            """
            UPDATE agents SET name = ?, agent_name = ?, status = ?, ring_duration_ms = ?,
                   max_call_duration_ms = ?, enable_voicemail_detection = ?, webhook_urls = ?,
                   prompt = ?, begin_message = ?, sip_uri = ?, extra = ?, updated_at = ?
             WHERE organization_id = ? AND id = ?
            """)
        .params(columns(agent))
        .params(agent.organizationId(), agent.id())
        .update();
  }

  void delete(UUID organizationId, UUID id) {
    jdbc.sql("DELETE FROM agents WHERE organization_id = ? AND id = ?")
        .params(organizationId, id)
        .update();
  }

  /** Whether a campaign with status {@code active} dials with this agent. */
  boolean usedByActiveCampaign(UUID organizationId, UUID agentId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM campaigns WHERE agent_id = ? AND organization_id = ?"
                    + " AND status = 'active'")
            .params(agentId, organizationId)
            .query(Long.class)
            .single()
        > 0;
  }

  private Object[] columns(Agent agent) {
    return new Object[] {
      agent.name(),
      agent.agentName(),
      agent.status().name(),
      agent.ringDurationMs(),
      agent.maxCallDurationMs(),
      agent.enableVoicemailDetection(),
      json.writeValueAsString(agent.webhookUrls()),
      agent.prompt(),
      agent.beginMessage(),
      agent.sipUri(),
      json.writeValueAsString(agent.extra()),
      Times.db(agent.updatedAt())
    };
  }

  private Agent map(ResultSet rs, int row) throws SQLException {
    return new Agent(
        rs.getObject("id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        rs.getString("name"),
        rs.getString("agent_name"),
        AgentStatus.valueOf(rs.getString("status")),
        rs.getInt("ring_duration_ms"),
        rs.getInt("max_call_duration_ms"),
        rs.getObject("enable_voicemail_detection", Boolean.class),
        json.readValue(rs.getString("webhook_urls"), STRINGS),
        rs.getString("prompt"),
        rs.getString("begin_message"),
        rs.getString("sip_uri"),
        (ObjectNode) json.readTree(rs.getString("extra")),
        Times.instant(rs, "created_at"),
        Times.instant(rs, "updated_at"));
  }
}
