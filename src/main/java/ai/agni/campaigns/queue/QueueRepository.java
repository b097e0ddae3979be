package ai.agni.campaigns.queue;

import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.platform.SqlDialect;
import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of a campaign's queue: {@code campaign_contacts} and its head row {@code
 * campaign_queues}. Every state change goes through here, checked against {@link QueueState}'s
 * table, and moves the head row's counters in the same transaction (callers hold it), so {@code
 * contactStats} is exact at every read and costs one row. Writes after a claim are guarded by the
 * row's version (every move bumps it, so the version a claim left also pins the state it left): 0
 * rows is a lost race, more than 1 a bug. why no state in those guards: with a state test and no
 * statistics PostgreSQL probed the due index and filtered every dead entry of earlier calls.
 */
@Repository
public class QueueRepository {

  static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final QueueHeads heads;
  private final QueueClaimer claimer;

  QueueRepository(JdbcClient jdbc, JdbcTemplate batch, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.heads = new QueueHeads(jdbc);
    boolean ordered = dialect.ordersBoundedCounts();
    this.firstOrder = ordered ? "ORDER BY next_attempt_at, contact_id" : "";
    this.retryOrder = ordered ? "ORDER BY next_attempt_at" : "";
    this.claimer =
        dialect.supportsSkipLocked()
            ? new SkipLockedQueueClaimer(jdbc)
            : new GuardedUpdateQueueClaimer(jdbc, batch);
  }

  /** The empty queue of a new campaign. */
  public void create(UUID organizationId, UUID campaignId) {
    heads.create(organizationId, campaignId);
  }

  /**
   * Queues the contacts as pending; contacts already queued stay as they are. Returns how many were
   * new; with {@code wake} the campaign has work now.
   */
  public int add(
      UUID organizationId,
      UUID campaignId,
      Collection<UUID> contactIds,
      Instant now,
      boolean wake) {
    String sql =
        """
        INSERT INTO campaign_contacts (campaign_id, contact_id, organization_id, state, attempts,
          next_attempt_at, version, added_at, updated_at, zone_key)
        VALUES (?, ?, ?, 'pending', 0, NULL, 0, ?, ?, ?)
        ON CONFLICT DO NOTHING
        """;
    List<UUID> ids = List.copyOf(new LinkedHashSet<>(contactIds));
    int added = 0;
    Set<String> groups = new TreeSet<>();
    for (List<UUID> chunk : chunks(ids)) {
      Map<UUID, String> zones = zoneKeys(organizationId, chunk);
      List<Object[]> rows = new ArrayList<>();
      for (UUID contactId : chunk) {
        String key = zones.getOrDefault(contactId, "");
        groups.add(key);
        rows.add(
            new Object[] {
              campaignId, contactId, organizationId, Times.db(now), Times.db(now), key
            });
      }
      for (int count : batch.batchUpdate(sql, rows)) {
        added += Math.max(count, 0);
      }
    }
    addZoneGroups(campaignId, groups);
    heads.change(
        campaignId,
        new StatsDelta().added(QueueState.PENDING, added),
        wake && added > 0 ? now : null,
        false,
        now);
    return added;
  }

  /** The stored zone keys of these contacts of the organization. */
  private Map<UUID, String> zoneKeys(UUID organizationId, List<UUID> contactIds) {
    Map<UUID, String> keys = new HashMap<>();
    jdbc.sql("SELECT id, zones FROM contacts WHERE organization_id = :org AND id IN (:ids)")
        .param("org", organizationId)
        .param("ids", contactIds)
        .query(
            rs -> {
              String zones = rs.getString("zones");
              keys.put(rs.getObject("id", UUID.class), zones == null ? "" : zones);
            });
    return keys;
  }

  private void addZoneGroups(UUID campaignId, Collection<String> zoneKeys) {
    List<Object[]> rows = new ArrayList<>();
    zoneKeys.forEach(key -> rows.add(new Object[] {campaignId, key}));
    if (!rows.isEmpty()) {
      batch.batchUpdate(
          "INSERT INTO campaign_zones (campaign_id, zone_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
          rows);
    }
  }

  /**
   * The contacts' zones changed (their timezone or number did): their queue rows follow, in every
   * campaign, and each campaign knows the new zone groups.
   */
  public void rezone(UUID organizationId, Map<UUID, String> zoneKeyByContact) {
    if (zoneKeyByContact.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    zoneKeyByContact.forEach(
        (contact, key) -> rows.add(new Object[] {key, organizationId, contact}));
    batch.batchUpdate(
        "UPDATE campaign_contacts SET zone_key = ? WHERE organization_id = ? AND contact_id = ?",
        rows);
    for (List<UUID> chunk : chunks(List.copyOf(zoneKeyByContact.keySet()))) {
      List<Object[]> groups =
          jdbc.sql(
                  "SELECT DISTINCT campaign_id, zone_key FROM campaign_contacts"
                      + " WHERE organization_id = :org AND contact_id IN (:ids)")
              .param("org", organizationId)
              .param("ids", chunk)
              .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
              .list();
      if (!groups.isEmpty()) {
        batch.batchUpdate(
            "INSERT INTO campaign_zones (campaign_id, zone_key) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING",
            groups);
      }
    }
  }

  /** The zone groups of a campaign's queue (a few dozen at most), in key order. */
  public List<String> zoneGroups(UUID campaignId) {
    return jdbc.sql("SELECT zone_key FROM campaign_zones WHERE campaign_id = ? ORDER BY zone_key")
        .param(campaignId)
        .query(String.class)
        .list();
  }

  /**
   * Every active campaign of the organization has (possibly) new work at {@code at} (its rules
   * changed); returns them.
   */
  public List<UUID> wakeActive(UUID organizationId, Instant at) {
    List<UUID> active =
        jdbc.sql(
                "SELECT q.campaign_id FROM campaign_queues q JOIN campaigns c ON c.id ="
                    + " q.campaign_id WHERE q.organization_id = ? AND c.organization_id = ?"
                    + " AND c.status = 'active'")
            .params(organizationId, organizationId)
            .query(UUID.class)
            .list();
    active.forEach(id -> wake(id, at));
    return active;
  }

  /** The campaign has (possibly) new work at {@code at}: activated, resumed or changed. */
  public void wake(UUID campaignId, Instant at) {
    heads.change(campaignId, new StatsDelta(), at, false, at);
  }

  public Map<UUID, ContactStats> stats(UUID organizationId, Collection<UUID> campaignIds) {
    return heads.stats(organizationId, campaignIds);
  }

  public ContactStats stats(UUID organizationId, UUID campaignId) {
    return heads
        .stats(organizationId, List.of(campaignId))
        .getOrDefault(campaignId, ContactStats.EMPTY);
  }

  /** A page of the queue joined with the contacts, in the order they were added. */
  public List<QueueEntry> list(
      UUID organizationId, UUID campaignId, QueueState state, PageParams page) {
    List<Object> params = new ArrayList<>(List.of(organizationId, campaignId));
    if (state != null) {
      params.add(state.wire());
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
                new QueueEntry(
                    rs.getObject("contact_id", UUID.class),
                    rs.getString("first_name"),
                    rs.getString("last_name"),
                    rs.getString("email"),
                    rs.getString("phone"),
                    QueueState.fromDatabase(rs.getString("state")),
                    rs.getInt("attempts"),
                    rs.getString("last_outcome"),
                    rs.getString("last_reason"),
                    Times.instant(rs, "next_attempt_at"),
                    rs.getObject("last_duration_sec", Integer.class),
                    Times.instant(rs, "updated_at"),
                    rs.getString("zone_key"),
                    rs.getString("wait_reason")))
        .list();
  }

  /** How many contacts the campaign has (in one state), from the counters. */
  public long count(UUID organizationId, UUID campaignId, QueueState state) {
    ContactStats stats = stats(organizationId, campaignId);
    return state == null ? stats.total() : stats.of(state);
  }

  /** Which of these contacts are queued in the campaign. */
  public Set<UUID> queued(UUID organizationId, UUID campaignId, Collection<UUID> contactIds) {
    Set<UUID> found = new LinkedHashSet<>();
    for (List<UUID> chunk : chunks(List.copyOf(contactIds))) {
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

  /** Removes these contacts of one campaign unless a call is live for them; returns the removed. */
  public Set<UUID> removeIdle(UUID organizationId, UUID campaignId, Collection<UUID> contactIds) {
    Set<UUID> removed = new LinkedHashSet<>();
    for (List<UUID> chunk : chunks(List.copyOf(contactIds))) {
      List<Object> params = new ArrayList<>(List.of(organizationId, campaignId));
      params.addAll(chunk);
      removed.addAll(
          removeRows(
              "organization_id = ? AND campaign_id = ? AND contact_id IN ("
                  + placeholders(chunk.size())
                  + ")",
              params));
    }
    return removed;
  }

  /** Removes these contacts from every campaign where no call is live for them. */
  public void removeIdleEverywhere(UUID organizationId, Collection<UUID> contactIds) {
    for (List<UUID> chunk : chunks(List.copyOf(contactIds))) {
      List<Object> params = new ArrayList<>(List.of(organizationId));
      params.addAll(chunk);
      removeRows(
          "organization_id = ? AND contact_id IN (" + placeholders(chunk.size()) + ")", params);
    }
  }

  /** Those of the contacts that are in a live call of some campaign. */
  public Set<UUID> inCall(UUID organizationId, Collection<UUID> contactIds) {
    return new LinkedHashSet<>(
        jdbc.sql(
                """
                SELECT DISTINCT contact_id FROM campaign_contacts
                WHERE organization_id = :org AND contact_id IN (:ids) AND state = 'in_progress'
                """)
            .param("org", organizationId)
            .param("ids", contactIds)
            .query(UUID.class)
            .list());
  }

  /** Deletes the campaign's whole queue (the campaign itself is being deleted). */
  public void deleteQueue(UUID organizationId, UUID campaignId) {
    jdbc.sql("DELETE FROM campaign_contacts WHERE organization_id = ? AND campaign_id = ?")
        .params(organizationId, campaignId)
        .update();
    jdbc.sql("DELETE FROM campaign_queues WHERE organization_id = ? AND campaign_id = ?")
        .params(organizationId, campaignId)
        .update();
  }

  /**
   * Locks the matching rows, deletes those not in a call and moves the counters of their campaigns.
   * why lock first: the counters must see exactly the rows this transaction deletes.
   */
  private List<UUID> removeRows(String where, List<Object> params) {
    Map<UUID, StatsDelta> deltas = new LinkedHashMap<>();
    List<Object[]> gone = new ArrayList<>();
    jdbc.sql(
            "SELECT campaign_id, contact_id, state, attempts FROM campaign_contacts WHERE "
                + where
                + " AND state <> 'in_progress' FOR UPDATE")
        .params(params)
        .query(
            rs -> {
              UUID campaign = rs.getObject("campaign_id", UUID.class);
              QueueState state = QueueState.fromDatabase(rs.getString("state"));
              deltas
                  .computeIfAbsent(campaign, id -> new StatsDelta())
                  .removed(state, rs.getInt("attempts") > 0);
              gone.add(new Object[] {campaign, rs.getObject("contact_id", UUID.class)});
            });
    batch.batchUpdate(
        "DELETE FROM campaign_contacts WHERE campaign_id = ? AND contact_id = ?"
            + " AND state <> 'in_progress'",
        gone);
    deltas.forEach((campaign, delta) -> heads.change(campaign, delta, null, false, null));
    return gone.stream().map(row -> (UUID) row[1]).toList();
  }

  // ---- the engine's side -------------------------------------------------------------------

  /** Claims up to {@code limit} due contacts for {@code node}, counters moved; call in a tx. */
  public List<ClaimedEntry> claim(
      UUID organizationId,
      UUID campaignId,
      String zoneKey,
      int limit,
      String node,
      Instant now,
      Instant until) {
    List<ClaimedEntry> claimed =
        claimer.claim(organizationId, campaignId, zoneKey, limit, node, now, until);
    StatsDelta delta = new StatsDelta();
    claimed.forEach(c -> delta.move(QueueState.PENDING, QueueState.IN_PROGRESS));
    heads.change(campaignId, delta, null, false, now);
    return claimed;
  }

  /**
   * How many pending contacts (of one zone group, or of any with a null {@code zoneKey}) are due
   * now, counting at most {@code limit} (index range scans).
   */
  public int countDue(
      UUID organizationId, UUID campaignId, String zoneKey, Instant now, int limit) {
    // why after the cursor first: the front of the pending range holds the dead entries of
    // contacts claimed before (until a vacuum), and counting through them cost O(claimed).
    Due due = new Due(organizationId, campaignId, zoneKey);
    UUID after = claimer.cursor(campaignId, zoneKey);
    int fresh =
        after == null
            ? 0
            : due.count("next_attempt_at IS NULL AND contact_id > ?", firstOrder, after, limit);
    if (fresh < limit) {
      fresh = due.count("next_attempt_at IS NULL", firstOrder, null, limit);
    }
    return fresh >= limit
        ? fresh
        : fresh + due.count("next_attempt_at <= ?", retryOrder, Times.db(now), limit - fresh);
  }

  /**
   * The due index's order after its equalities, for the counts of a dialect that needs it named
   * ({@link SqlDialect#ordersBoundedCounts}); empty for the others.
   */
  private final String firstOrder;

  private final String retryOrder;

  private final class Due {
    private final UUID organizationId;
    private final UUID campaignId;
    private final String zoneKey;

    Due(UUID organizationId, UUID campaignId, String zoneKey) {
      this.organizationId = organizationId;
      this.campaignId = campaignId;
      this.zoneKey = zoneKey;
    }

    int count(String due, String order, Object dueParam, int limit) {
      String zone = zoneKey == null ? "" : " AND zone_key = ?";
      JdbcClient.StatementSpec spec =
          jdbc.sql(
                  """
                  SELECT COUNT(*) FROM (SELECT 1 FROM campaign_contacts
                    WHERE campaign_id = ? AND state = 'pending' AND %s%s AND organization_id = ?
                    %s LIMIT ?) due
                  """
                      .formatted(due, zone, order))
              .param(campaignId);
      if (dueParam != null) {
        spec = spec.param(dueParam);
      }
      if (zoneKey != null) {
        spec = spec.param(zoneKey);
      }
      return spec.param(organizationId).param(limit).query(Integer.class).single();
    }
  }

  /** The earliest retry time after {@code from} among pending contacts. */
  public Optional<Instant> nextRetryAt(UUID organizationId, UUID campaignId, Instant from) {
    return jdbc.sql(
            """
            SELECT next_attempt_at AS at FROM campaign_contacts
            WHERE campaign_id = ? AND state = 'pending' AND next_attempt_at > ?
              AND organization_id = ?
            ORDER BY next_attempt_at LIMIT 1
            """)
        .param(campaignId)
        .param(Times.db(from))
        .param(organizationId)
        .query((rs, n) -> Times.instant(rs, "at"))
        .optional();
  }

  /**
   * Ends attempts in one batch; returns, per settlement, whether it was applied (false: the row
   * moved on, a lost race). Counters and wake-ups of each campaign are one statement.
   */
  public boolean[] settle(List<Settlement> settlements, Instant now) {
    List<Object[]> rows = new ArrayList<>();
    for (Settlement s : settlements) {
      QueueState.check(QueueState.IN_PROGRESS, s.target());
      rows.add(
          new Object[] {
            s.target().wire(),
            s.attemptUsed() ? 0 : 1,
            Times.db(s.nextAttemptAt()),
            s.outcome(),
            s.reason(),
            s.talkedSeconds(),
            Times.db(s.at()),
            s.campaignId(),
            s.contactId(),
            s.version(),
            s.organizationId()
          });
    }
    int[] counts =
        guarded(
            """
            UPDATE campaign_contacts
            SET state = ?, attempts = attempts - ?, next_attempt_at = ?, last_outcome = ?,
                last_reason = ?, wait_reason = NULL,
                last_duration_sec = COALESCE(?, last_duration_sec), lease_owner = NULL,
                lease_until = NULL, version = version + 1, updated_at = ?
            WHERE campaign_id = ? AND contact_id = ? AND version = ? AND organization_id = ?
            """,
            rows);
    boolean[] applied = new boolean[settlements.size()];
    for (int i = 0; i < counts.length; i++) {
      Settlement s = settlements.get(i);
      applied[i] = counts[i] == 1;
      if (applied[i]) {
        // why one change a row: the head rows sum a transaction's changes per campaign anyway.
        StatsDelta delta =
            new StatsDelta()
                .move(QueueState.IN_PROGRESS, s.target())
                .contacted(s.attemptUsed() && s.attempt() == 1 ? 1 : 0);
        boolean retry = s.target() == QueueState.PENDING;
        heads.change(s.campaignId(), delta, retry ? s.nextAttemptAt() : null, !retry, now);
      }
    }
    return applied;
  }

  /**
   * Gives claimed contacts whose call was never placed back to pending, their attempt not used
   * (attempts - 1); the campaign has work at once. Returns how many were released.
   */
  public int release(UUID organizationId, UUID campaignId, List<QueueRef> unused, Instant now) {
    return giveBack(organizationId, campaignId, unused, now, QueueState.PENDING, null);
  }

  /**
   * Gives just-claimed contacts back to pending, their attempt not used, to wait until a later
   * instant for the rule that stopped them (a frequency cap, a live call to the same number, the
   * window or calling hours at the moment of dialing). Returns how many were held.
   */
  public int hold(UUID organizationId, UUID campaignId, List<Hold> holds, Instant now) {
    List<Object[]> rows = new ArrayList<>();
    for (Hold h : holds) {
      rows.add(
          new Object[] {
            Times.db(h.until()),
            h.reason(),
            Times.db(now),
            campaignId,
            h.ref().contactId(),
            h.ref().version(),
            organizationId
          });
    }
    int[] counts =
        guarded(
            """
            UPDATE campaign_contacts
            SET state = 'pending', attempts = attempts - 1, next_attempt_at = ?, wait_reason = ?,
                lease_owner = NULL, lease_until = NULL, version = version + 1, updated_at = ?
            WHERE campaign_id = ? AND contact_id = ? AND version = ? AND organization_id = ?
              AND state = 'in_progress'
            """,
            rows);
    StatsDelta delta = new StatsDelta();
    int done = 0;
    Instant earliest = null;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1) {
        delta.move(QueueState.IN_PROGRESS, QueueState.PENDING);
        done++;
        Instant until = holds.get(i).until();
        earliest = earliest == null || until.isBefore(earliest) ? until : earliest;
      }
    }
    heads.change(campaignId, delta, earliest, false, now);
    return done;
  }

  /** A just-claimed contact to wait until {@code until}, and the rule that holds it. */
  public record Hold(QueueRef ref, Instant until, String reason) {}

  /** Ends just-claimed contacts whose number is on the do-not-call list: failed / dnc, 0 used. */
  public void markDoNotCall(
      UUID organizationId, UUID campaignId, List<ClaimedEntry> listed, Instant now) {
    List<QueueRef> refs =
        listed.stream().map(e -> new QueueRef(e.contactId(), e.version())).toList();
    int done = giveBack(organizationId, campaignId, refs, now, QueueState.FAILED, "dnc");
    if (done != listed.size()) {
      throw new IllegalStateException(
          "Indicates a bug: dnc update of just-claimed " + listed + " = " + done);
    }
  }

  private int giveBack(
      UUID organizationId,
      UUID campaignId,
      List<QueueRef> refs,
      Instant now,
      QueueState target,
      String reason) {
    QueueState.check(QueueState.IN_PROGRESS, target);
    List<Object[]> rows = new ArrayList<>();
    for (QueueRef ref : refs) {
      rows.add(
          new Object[] {
            target.wire(),
            target == QueueState.FAILED ? "failed" : null,
            reason,
            Times.db(now),
            campaignId,
            ref.contactId(),
            ref.version(),
            organizationId
          });
    }
    int[] counts =
        guarded(
            """
            UPDATE campaign_contacts
            SET state = ?, attempts = attempts - 1,
                last_outcome = COALESCE(?, last_outcome), last_reason = COALESCE(?, last_reason),
                lease_owner = NULL, lease_until = NULL, version = version + 1, updated_at = ?
            WHERE campaign_id = ? AND contact_id = ? AND version = ? AND organization_id = ?
            """,
            rows);
    StatsDelta delta = new StatsDelta();
    int done = 0;
    for (int count : counts) {
      if (count == 1) {
        delta.move(QueueState.IN_PROGRESS, target);
        done++;
      }
    }
    boolean pending = target == QueueState.PENDING;
    heads.change(campaignId, delta, pending && done > 0 ? now : null, !pending && done > 0, now);
    return done;
  }

  /** The poll's plan for a campaign's next work, unless a newer wake-up came meanwhile. */
  public boolean plan(UUID campaignId, long seenWorkSeq, Instant nextWorkAt) {
    return heads.plan(campaignId, seenWorkSeq, nextWorkAt);
  }

  /**
   * Writes this transaction's counter changes now instead of just before the commit. For a writer
   * that locks rows of its own at commit time (the webhook outbox's sequences): taking the head
   * rows first in every transaction keeps one lock order, so the two never deadlock.
   */
  public void writeCounters() {
    heads.flush();
  }

  /** The earliest planned work after {@code now}, over all campaigns. */
  public Optional<Instant> nextWorkAfter(Instant now) {
    return heads.nextWorkAfter(now);
  }

  /** Whether no contact of the campaign is pending or in a call (exact, from the counters). */
  public boolean isFinished(UUID organizationId, UUID campaignId) {
    ContactStats stats = stats(organizationId, campaignId);
    return stats.pending() == 0 && stats.inProgress() == 0;
  }

  private int[] guarded(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return new int[0];
    }
    int[] counts = batch.batchUpdate(sql, rows);
    for (int count : counts) {
      if (count > 1) {
        throw new IllegalStateException("Indicates a bug: guarded queue write of " + count);
      }
    }
    return counts;
  }

  private static List<List<UUID>> chunks(List<UUID> ids) {
    List<List<UUID>> out = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      out.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
    }
    return out;
  }

  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
