package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code campaign_contacts}, the dialing queue, for the campaign API: membership, listing
 * and the exact {@code contactStats}. The dialer owns the state changes of queued contacts.
 */
@Repository
class CampaignContactRepository {

  static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  CampaignContactRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * Queues the contacts as pending, in batches; contacts already queued stay as they are (ON
   * CONFLICT DO NOTHING works on PostgreSQL and on H2 in PostgreSQL mode). Returns how many were
   * new.
   */
  int add(UUID organizationId, UUID campaignId, Collection<UUID> contactIds, Instant now) {
    String sql =
        """
        INSERT INTO campaign_contacts (campaign_id, contact_id, organization_id, state, attempts,
          next_attempt_at, version, added_at, updated_at)
        VALUES (?, ?, ?, 'pending', 0, NULL, 0, ?, ?)
        ON CONFLICT DO NOTHING
        """;
    List<UUID> ids = List.copyOf(new LinkedHashSet<>(contactIds));
    int added = 0;
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<Object[]> rows = new ArrayList<>();
      for (UUID contactId : ids.subList(from, Math.min(ids.size(), from + BATCH))) {
        rows.add(
            new Object[] {campaignId, contactId, organizationId, Times.db(now), Times.db(now)});
      }
      for (int count : batch.batchUpdate(sql, rows)) {
        added += Math.max(count, 0);
      }
    }
    return added;
  }

  /** The stats of each campaign (absent ones have none), from one GROUP BY over the queue. */
  Map<UUID, ContactStats> stats(UUID organizationId, Collection<UUID> campaignIds) {
    Map<UUID, ContactStats> stats = new HashMap<>();
    if (campaignIds.isEmpty()) {
      return stats;
    }
    List<Object> params = new ArrayList<>();
    params.add(organizationId);
    params.addAll(campaignIds);
    jdbc.sql(
            """
            SELECT campaign_id, state, COUNT(*) AS n,
              SUM(CASE WHEN attempts - CASE WHEN state = 'in_progress' THEN 1 ELSE 0 END > 0
                  THEN 1 ELSE 0 END) AS contacted
            FROM campaign_contacts
            WHERE organization_id = ? AND campaign_id IN (%s)
            GROUP BY campaign_id, state
            """
                .formatted(placeholders(campaignIds.size())))
        .params(params)
        .query(
            rs -> {
              UUID id = rs.getObject("campaign_id", UUID.class);
              stats.put(
                  id,
                  stats
                      .getOrDefault(id, ContactStats.EMPTY)
                      .plus(rs.getString("state"), rs.getLong("n"), rs.getLong("contacted")));
            });
    return stats;
  }

  ContactStats stats(UUID organizationId, UUID campaignId) {
    return stats(organizationId, List.of(campaignId)).getOrDefault(campaignId, ContactStats.EMPTY);
  }

  /** A page of the queue joined with the contacts, in the order they were added. */
  List<CampaignContactView> list(
      UUID organizationId, UUID campaignId, String state, PageParams page) {
    List<Object> params = new ArrayList<>(List.of(organizationId, campaignId));
    if (state != null) {
      params.add(state);
    }
    params.add(page.limit());
    params.add(page.offset());
    return jdbc.sql(
            """
            SELECT cc.*, c.first_name, c.last_name, c.email, c.phone
            FROM campaign_contacts cc JOIN contacts c ON c.id = cc.contact_id
            WHERE cc.organization_id = ? AND cc.campaign_id = ? %s
            ORDER BY cc.added_at, cc.contact_id LIMIT ? OFFSET ?
            """
                .formatted(state == null ? "" : "AND cc.state = ?"))
        .params(params)
        .query(
            (rs, row) ->
                new CampaignContactView(
                    rs.getObject("contact_id", UUID.class).toString(),
                    rs.getString("first_name"),
                    rs.getString("last_name"),
                    rs.getString("email"),
                    rs.getString("phone"),
                    rs.getString("state"),
                    rs.getInt("attempts"),
                    rs.getString("last_outcome"),
                    Times.iso(Times.instant(rs, "next_attempt_at")),
                    rs.getObject("last_duration_sec", Integer.class),
                    Times.iso(Times.instant(rs, "updated_at"))))
        .list();
  }

  long count(UUID organizationId, UUID campaignId, String state) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM campaign_contacts WHERE organization_id = ? AND campaign_id = ?"
                + (state == null ? "" : " AND state = ?"))
        .params(
            state == null
                ? List.of(organizationId, campaignId)
                : List.of(organizationId, campaignId, state))
        .query(Long.class)
        .single();
  }

  /** Which of these contacts are queued in the campaign. */
  Set<UUID> queued(UUID organizationId, UUID campaignId, Collection<UUID> contactIds) {
    Set<UUID> found = new LinkedHashSet<>();
    List<UUID> ids = List.copyOf(contactIds);
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
      List<Object> params = new ArrayList<>(List.of(organizationId, campaignId));
      params.addAll(chunk);
      found.addAll(
          jdbc.sql(
                  "SELECT contact_id FROM campaign_contacts WHERE organization_id = ?"
                      + " AND campaign_id = ? AND contact_id IN ("
                      + placeholders(chunk.size())
                      + ")")
              .params(params)
              .query(UUID.class)
              .list());
    }
    return found;
  }

  /** Removes these contacts unless a call is live for them (state in_progress). */
  void removeIdle(UUID organizationId, UUID campaignId, Collection<UUID> contactIds) {
    List<UUID> ids = List.copyOf(contactIds);
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
      List<Object> params = new ArrayList<>(List.of(organizationId, campaignId));
      params.addAll(chunk);
      jdbc.sql(
              "DELETE FROM campaign_contacts WHERE organization_id = ? AND campaign_id = ?"
                  + " AND state <> 'in_progress' AND contact_id IN ("
                  + placeholders(chunk.size())
                  + ")")
          .params(params)
          .update();
    }
  }

  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
