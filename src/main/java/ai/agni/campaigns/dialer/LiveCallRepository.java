package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code live_calls}: one row per live attempt, from its claim ({@code claimed}) through its
 * placing ({@code dialing}) to its end, when the row is deleted. Deleting the row is what settles
 * an attempt exactly once: whoever deletes it (the outcome, the reaper) writes the end. Live counts
 * are counters in {@code live_counts}, moved in the same transaction as the rows they count.
 */
@Repository
class LiveCallRepository {

  /**
   * Live rows with their number's provider (for the metrics of calls a reaper ends); why a join,
   * not a column: the provider is the number's, and a released number's row stays.
   */
  private static final String SELECT_LIVE =
      "SELECT l.*, p.provider, cc.zone_key FROM live_calls l"
          + " LEFT JOIN phone_numbers p ON p.id = l.phone_number_id"
          + " LEFT JOIN campaign_contacts cc"
          + " ON cc.campaign_id = l.campaign_id AND cc.contact_id = l.contact_id";

  /** The campaign key of single calls in {@code live_counts}. */
  static final UUID SINGLE_CALLS = new UUID(0, 0);

  static final String DIALING = "dialing";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  LiveCallRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  LiveCounts counts(UUID organizationId) {
    Map<UUID, Integer> byLine = new HashMap<>();
    Map<UUID, Integer> byCampaign = new HashMap<>();
    int[] total = {0};
    jdbc.sql(
            "SELECT campaign_key, phone_number_id, live FROM live_counts"
                + " WHERE organization_id = ? AND live <> 0")
        .param(organizationId)
        .query(
            rs -> {
              int n = rs.getInt("live");
              UUID campaign = rs.getObject("campaign_key", UUID.class);
              total[0] += n;
              byLine.merge(rs.getObject("phone_number_id", UUID.class), n, Integer::sum);
              if (!SINGLE_CALLS.equals(campaign)) {
                byCampaign.merge(campaign, n, Integer::sum);
              }
            });
    return new LiveCounts(total[0], byLine, byCampaign);
  }

  /**
   * Which of these numbers are in a live attempt (claimed or dialing) of the organization. Exact
   * inside a claim: the organization's claims are serialised by its rate bucket's lock.
   */
  Set<String> liveCallees(UUID organizationId, Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "SELECT callee_number FROM live_calls"
                    + " WHERE organization_id = :org AND callee_number IN (:numbers)")
            .param("org", organizationId)
            .param("numbers", numbers)
            .query(String.class)
            .list());
  }

  void insertClaimed(List<ClaimedAttempt> attempts, String node, Instant now) {
    List<Object[]> rows = new ArrayList<>();
    for (ClaimedAttempt a : attempts) {
      UUID campaign = null;
      UUID contact = null;
      long version = 0;
      if (a.origin() instanceof AttemptOrigin.CampaignContact c) {
        campaign = c.campaignId();
        contact = c.contactId();
        version = c.contactVersion();
      }
      rows.add(
          new Object[] {
            a.sessionId(),
            a.organizationId(),
            campaign,
            contact,
            a.line().id(),
            a.attempt(),
            version,
            node,
            Times.db(a.leaseUntil()),
            Times.db(now),
            a.to()
          });
    }
    if (!rows.isEmpty()) {
      template.batchUpdate(
          """
          INSERT INTO live_calls (session_id, organization_id, campaign_id, contact_id,
            phone_number_id, attempt, contact_version, node, state, lease_until, claimed_at,
            callee_number)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'claimed', ?, ?, ?)
          """,
          rows);
      Map<String, Object[]> added = new TreeMap<>();
      for (Object[] row : rows) {
        count(added, (UUID) row[1], (UUID) row[2], (UUID) row[4], 1);
      }
      adjust(added);
    }
  }

  /**
   * The attempt is being placed; false when it is no longer this node's claimed attempt (reaped).
   * why first in the placing transaction: its row lock makes a concurrent reaper wait and then see
   * the call as placed.
   */
  int[] markDialing(List<UUID> sessionIds, String node) {
    return batch(
        "UPDATE live_calls SET state = 'dialing' WHERE session_id = ? AND node = ?"
            + " AND state = 'claimed'",
        sessionIds.stream().map(id -> new Object[] {id, node}).toList());
  }

  /** Undoes {@link #markDialing} in the same transaction for attempts that could not be placed. */
  void backToClaimed(List<UUID> sessionIds) {
    batch(
        "UPDATE live_calls SET state = 'claimed' WHERE session_id = ?",
        sessionIds.stream().map(id -> new Object[] {id}).toList());
  }

  private int[] batch(String sql, List<Object[]> rows) {
    return rows.isEmpty() ? new int[0] : template.batchUpdate(sql, rows);
  }

  /** Removes a claimed attempt that was never placed; false when it was placed or settled. */
  boolean deleteClaimed(UUID sessionId) {
    return remove(List.of(sessionId), " AND state = 'claimed'", Map.of())[0] == 1;
  }

  /** Removes this node's attempts in either state: per session, 1 if this call removed it. */
  int[] deleteOfNode(List<UUID> sessionIds, String node) {
    return remove(sessionIds, " AND node = :node", Map.of("node", node));
  }

  /** Settles attempts: per session, 1 for the one caller that removed its row, else 0. */
  int[] delete(List<UUID> sessionIds) {
    return remove(sessionIds, "", Map.of());
  }

  /**
   * Keeps the leases of these attempts at least until {@code until}: their outcome is known and
   * waits to be written, so they must not be reaped as lost meanwhile.
   */
  void renewLeases(List<UUID> sessionIds, Instant until) {
    batch(
        "UPDATE live_calls SET lease_until = ? WHERE session_id = ? AND lease_until < ?",
        sessionIds.stream()
            .map(id -> new Object[] {Times.db(until), id, Times.db(until)})
            .toList());
  }

  /** Claimed attempts never placed, claimed before {@code cutoff}, oldest first. */
  List<LiveCall> claimedBefore(Instant cutoff, int limit) {
    return jdbc.sql(
            SELECT_LIVE
                + " WHERE l.state = 'claimed' AND l.claimed_at < ? ORDER BY l.claimed_at LIMIT ?")
        .params(Times.db(cutoff), limit)
        .query(LiveCallRepository::map)
        .list();
  }

  /**
   * Locks the rows, deletes them and moves their counters, in the caller's transaction. why lock
   * first: the counters must move by exactly the rows this transaction deletes.
   */
  private int[] remove(List<UUID> sessionIds, String condition, Map<String, Object> params) {
    int[] removed = new int[sessionIds.size()];
    if (sessionIds.isEmpty()) {
      return removed;
    }
    Map<UUID, Object[]> found = new HashMap<>();
    for (int from = 0; from < sessionIds.size(); from += 500) {
      List<UUID> chunk = sessionIds.subList(from, Math.min(sessionIds.size(), from + 500));
      jdbc.sql(
              "SELECT session_id, organization_id, campaign_id, phone_number_id FROM live_calls"
                  + " WHERE session_id IN (:ids)"
                  + condition
                  + " FOR UPDATE")
          .param("ids", chunk)
          .params(params)
          .query(
              rs -> {
                found.put(
                    rs.getObject("session_id", UUID.class),
                    new Object[] {
                      rs.getObject("organization_id", UUID.class),
                      rs.getObject("campaign_id", UUID.class),
                      rs.getObject("phone_number_id", UUID.class)
                    });
              });
    }
    List<UUID> gone = sessionIds.stream().filter(found::containsKey).toList();
    batch(
        "DELETE FROM live_calls WHERE session_id = ?",
        gone.stream().map(id -> new Object[] {id}).toList());
    Map<String, Object[]> counts = new TreeMap<>();
    for (int i = 0; i < sessionIds.size(); i++) {
      Object[] row = found.remove(sessionIds.get(i));
      if (row != null) {
        removed[i] = 1;
        count(counts, (UUID) row[0], (UUID) row[1], (UUID) row[2], -1);
      }
    }
    adjust(counts);
    return removed;
  }

  private static void count(
      Map<String, Object[]> counts, UUID org, UUID campaign, UUID line, int delta) {
    UUID key = campaign == null ? SINGLE_CALLS : campaign;
    Object[] entry =
        counts.computeIfAbsent(org + "/" + key + "/" + line, k -> new Object[] {org, key, line, 0});
    entry[3] = (Integer) entry[3] + delta;
  }

  /** Moves the live counters, in key order (so concurrent transactions lock them alike). */
  private void adjust(Map<String, Object[]> counts) {
    List<Object[]> keys = new ArrayList<>();
    List<Object[]> deltas = new ArrayList<>();
    for (Object[] c : counts.values()) {
      keys.add(new Object[] {c[0], c[1], c[2]});
      deltas.add(new Object[] {c[3], c[0], c[1], c[2]});
    }
    batch(
        """
        INSERT INTO live_counts (organization_id, campaign_key, phone_number_id, live)
        VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING
        """,
        keys);
    batch(
        "UPDATE live_counts SET live = live + ? WHERE organization_id = ? AND campaign_key = ?"
            + " AND phone_number_id = ?",
        deltas);
  }

  /** The live attempt of a session, if it has not ended. */
  Optional<LiveCall> find(UUID sessionId) {
    return jdbc.sql(SELECT_LIVE + " WHERE l.session_id = ?")
        .param(sessionId)
        .query(LiveCallRepository::map)
        .optional();
  }

  List<LiveCall> ofNode(String node) {
    return jdbc.sql(SELECT_LIVE + " WHERE l.node = ?")
        .param(node)
        .query(LiveCallRepository::map)
        .list();
  }

  List<LiveCall> leaseExpired(Instant cutoff, int limit) {
    return jdbc.sql(SELECT_LIVE + " WHERE l.lease_until < ? ORDER BY l.lease_until LIMIT ?")
        .params(Times.db(cutoff), limit)
        .query(LiveCallRepository::map)
        .list();
  }

  private static LiveCall map(ResultSet rs, int n) throws SQLException {
    return new LiveCall(
        rs.getObject("session_id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        rs.getObject("campaign_id", UUID.class),
        rs.getObject("contact_id", UUID.class),
        rs.getObject("phone_number_id", UUID.class),
        rs.getInt("attempt"),
        rs.getLong("contact_version"),
        rs.getString("state"),
        Times.instant(rs, "claimed_at"),
        rs.getString("provider"),
        rs.getString("zone_key"));
  }

  /** A live attempt found by the reaper. */
  record LiveCall(
      UUID sessionId,
      UUID organizationId,
      UUID campaignId,
      UUID contactId,
      UUID lineId,
      int attempt,
      long contactVersion,
      String state,
      Instant claimedAt,
      String provider,
      String zoneKey) {

    boolean placed() {
      return DIALING.equals(state);
    }

    LiveAttempt toAttempt() {
      AttemptOrigin origin =
          campaignId == null
              ? new AttemptOrigin.SingleCall(claimedAt)
              : new AttemptOrigin.CampaignContact(
                  campaignId, contactId, contactVersion, null, zoneKey);
      return new LiveAttempt(sessionId, organizationId, attempt, origin, lineId, provider);
    }
  }
}
