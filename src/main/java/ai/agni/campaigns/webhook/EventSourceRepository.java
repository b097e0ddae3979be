package ai.agni.campaigns.webhook;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads, never writes, what events report from the tables of other features ({@code calls}, {@code
 * agents}, {@code campaigns}, {@code contacts}), one statement per kind and transaction, and only
 * rows whose agent has webhook URLs: with none configured an outcome batch costs two indexed reads.
 */
@Repository
class EventSourceRepository {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  EventSourceRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A finished call row with its agent's name and URLs. */
  record FinishedCall(
      UUID sessionId,
      UUID organizationId,
      UUID campaignId,
      UUID contactId,
      int attempt,
      String callerNumber,
      String calleeNumber,
      String status,
      String disconnectReason,
      Integer durationSec,
      Instant createdAt,
      Instant startedAt,
      Instant endedAt,
      String agentName,
      List<String> urls) {}

  /** Where a campaign's events go: its agent's URLs (never empty here). */
  record CampaignTargets(UUID campaignId, UUID organizationId, List<String> urls) {}

  /** The calls among {@code sessionIds} whose agent has webhook URLs. */
  List<FinishedCall> finishedCalls(Collection<UUID> sessionIds) {
    if (sessionIds.isEmpty()) {
      return List.of();
    }
    return jdbc
        .sql(
            """
            SELECT c.id, c.organization_id, c.campaign_id, c.contact_id, c.attempt,
                   c.caller_number, c.callee_number, c.status, c.disconnect_reason,
                   c.duration_sec, c.queued_at, c.started_at, c.ended_at, a.name AS agent_name,
                   a.webhook_urls
            FROM calls c JOIN agents a ON a.id = c.agent_id AND a.organization_id = c.organization_id
            WHERE c.id IN (:ids) AND a.webhook_urls <> '[]'
            """)
        .param("ids", sessionIds)
        .query(
            (rs, n) ->
                new FinishedCall(
                    rs.getObject("id", UUID.class),
                    rs.getObject("organization_id", UUID.class),
                    rs.getObject("campaign_id", UUID.class),
                    rs.getObject("contact_id", UUID.class),
                    rs.getInt("attempt"),
                    rs.getString("caller_number"),
                    rs.getString("callee_number"),
                    rs.getString("status"),
                    rs.getString("disconnect_reason"),
                    rs.getObject("duration_sec", Integer.class),
                    Times.instant(rs, "queued_at"),
                    Times.instant(rs, "started_at"),
                    Times.instant(rs, "ended_at"),
                    rs.getString("agent_name"),
                    urls(rs.getString("webhook_urls"))))
        .list()
        .stream()
        .filter(c -> !c.urls().isEmpty())
        .toList();
  }

  /** The campaigns among {@code campaignIds} whose agent has webhook URLs, by id. */
  Map<UUID, CampaignTargets> campaignTargets(Collection<UUID> campaignIds) {
    Map<UUID, CampaignTargets> out = new HashMap<>();
    if (campaignIds.isEmpty()) {
      return out;
    }
    jdbc.sql(
            """
            SELECT k.id, k.organization_id, a.webhook_urls
            FROM campaigns k JOIN agents a ON a.id = k.agent_id AND a.organization_id = k.organization_id
            WHERE k.id IN (:ids) AND a.webhook_urls <> '[]'
            """)
        .param("ids", campaignIds)
        .query(
            rs -> {
              List<String> urls = urls(rs.getString("webhook_urls"));
              if (!urls.isEmpty()) {
                UUID id = rs.getObject("id", UUID.class);
                out.put(
                    id, new CampaignTargets(id, rs.getObject("organization_id", UUID.class), urls));
              }
            });
    return out;
  }

  /** The phone numbers of these contacts, by id. */
  Map<UUID, String> phones(Collection<UUID> contactIds) {
    Map<UUID, String> out = new HashMap<>();
    if (contactIds.isEmpty()) {
      return out;
    }
    jdbc.sql("SELECT id, phone FROM contacts WHERE id IN (:ids)")
        .param("ids", contactIds)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> out.put(rs.getObject("id", UUID.class), rs.getString("phone")));
    return out;
  }

  private List<String> urls(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    List<String> urls = new ArrayList<>();
    for (String url : json.readValue(stored, STRINGS)) {
      if (url != null && !url.isBlank() && !urls.contains(url.trim())) {
        urls.add(url.trim());
      }
    }
    return urls;
  }
}
