package ai.agni.campaigns.queue;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL: one statement per batch. The sub-select locks due rows with {@code FOR UPDATE SKIP
 * LOCKED}, so concurrent nodes claim disjoint contacts without waiting on each other (as
 * db-scheduler's {@code lockAndFetchSingleStatement}). why MATERIALIZED: inside {@code IN (...)}
 * the planner may run the locking sub-select more than once, and with SKIP LOCKED each run can
 * return other rows, so the update claimed more than {@code LIMIT} (more contacts than planned
 * slots); a materialized CTE is evaluated exactly once. why {@code = ANY (ARRAY(...))}: the locked
 * ids become one array, so the update and the contact lookup are primary-key probes whatever the
 * statistics say (no state test in the update: its rows are locked pending by this statement, and a
 * state test made the planner filter every pending row through the due index); {@code UPDATE ...
 * FROM locked} was planned as a nested loop over every pending row when the table had never been
 * analyzed (2.3 s per claim at 100,000 pending).
 */
final class SkipLockedQueueClaimer implements QueueClaimer {

  private static final String CLAIM =
      """
      WITH locked AS MATERIALIZED (
        SELECT contact_id FROM campaign_contacts
        WHERE campaign_id = ? AND state = 'pending' AND %s AND organization_id = ?
        %s LIMIT ? FOR UPDATE SKIP LOCKED),
      claimed AS (
        UPDATE campaign_contacts cc
        SET state = 'in_progress', attempts = cc.attempts + 1, lease_owner = ?, lease_until = ?,
            version = cc.version + 1, updated_at = ?
        WHERE cc.campaign_id = ? AND cc.contact_id = ANY (ARRAY(SELECT contact_id FROM locked))
        RETURNING cc.contact_id, cc.attempts, cc.version, cc.next_attempt_at, cc.added_at,
                  cc.zone_key)
      SELECT claimed.contact_id, claimed.attempts, claimed.version, claimed.next_attempt_at,
             claimed.added_at, claimed.zone_key, %s
      FROM claimed JOIN contacts c ON c.id = claimed.contact_id
      WHERE c.id = ANY (ARRAY(SELECT contact_id FROM claimed))
      """;

  /**
   * why both columns: the due index's order after the equalities; with only {@code contact_id}
   * PostgreSQL does not see that {@code next_attempt_at IS NULL} fixes the third column, and sorted
   * every pending row for each claim.
   */
  private static final String FIRST_ORDER = "ORDER BY next_attempt_at, contact_id";

  private final JdbcClient jdbc;
  private final Map<CursorKey, UUID> cursors = new ConcurrentHashMap<>();

  /** A first-attempt cursor: per campaign, and per zone group when claimed by group. */
  private record CursorKey(UUID campaignId, String zoneKey) {}

  /**
   * The claim of first attempts, as run (parameters: campaign, organization, limit, node, lease
   * end, now, campaign); for the test that checks its plan on a table never analyzed.
   */
  static String firstAttemptsSql() {
    return CLAIM.formatted("next_attempt_at IS NULL", FIRST_ORDER, QueueClaimer.CONTACT_COLUMNS);
  }

  SkipLockedQueueClaimer(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<ClaimedEntry> claim(
      UUID organizationId,
      UUID campaignId,
      String zoneKey,
      int limit,
      String node,
      Instant now,
      Instant until) {
    Claim claim = new Claim(organizationId, campaignId, zoneKey, node, now, until);
    List<ClaimedEntry> out =
        new ArrayList<>(
            claim.run("next_attempt_at <= ?", "ORDER BY next_attempt_at", limit, Times.db(now)));
    if (out.size() < limit) {
      out.addAll(firstAttempts(claim, new CursorKey(campaignId, zoneKey), limit - out.size()));
    }
    return out;
  }

  /**
   * First attempts in contact id order, from where this node's last claim of the campaign ended.
   * why: until a vacuum runs, each claimed row leaves a dead entry at the front of the pending
   * range of the index, and a scan from the front walks them all: claims got slower as the campaign
   * advanced. Starting after the last claimed id skips them; when the tail is exhausted the scan
   * starts once more from the front (contacts added later with older ids are found then).
   */
  private List<ClaimedEntry> firstAttempts(Claim claim, CursorKey cursor, int limit) {
    UUID after = cursors.get(cursor);
    List<ClaimedEntry> got = new ArrayList<>();
    if (after != null) {
      got.addAll(
          claim.run("next_attempt_at IS NULL AND contact_id > ?", FIRST_ORDER, limit, after));
    }
    if (got.size() < limit) {
      got.addAll(claim.run("next_attempt_at IS NULL", FIRST_ORDER, limit - got.size(), null));
    }
    got.stream()
        .map(ClaimedEntry::contactId)
        .max(SkipLockedQueueClaimer::compareAsDatabase)
        .ifPresentOrElse(last -> cursors.put(cursor, last), () -> cursors.remove(cursor));
    return got;
  }

  /** UUID order as PostgreSQL sorts them: unsigned, byte by byte (Java's compareTo is signed). */
  static int compareAsDatabase(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  @Override
  public UUID cursor(UUID campaignId, String zoneKey) {
    return cursors.get(new CursorKey(campaignId, zoneKey));
  }

  private final class Claim {
    private final UUID organizationId;
    private final UUID campaignId;
    private final String zoneKey;
    private final String node;
    private final Instant now;
    private final Instant until;

    Claim(
        UUID organizationId,
        UUID campaignId,
        String zoneKey,
        String node,
        Instant now,
        Instant until) {
      this.organizationId = organizationId;
      this.campaignId = campaignId;
      this.zoneKey = zoneKey;
      this.node = node;
      this.now = now;
      this.until = until;
    }

    List<ClaimedEntry> run(String due, String order, int limit, Object dueParam) {
      String zone = zoneKey == null ? "" : " AND zone_key = ?";
      JdbcClient.StatementSpec spec =
          jdbc.sql(CLAIM.formatted(due + zone, order, QueueClaimer.CONTACT_COLUMNS))
              .param(campaignId);
      if (dueParam != null) {
        spec = spec.param(dueParam);
      }
      if (zoneKey != null) {
        spec = spec.param(zoneKey);
      }
      return spec.param(organizationId)
          .param(limit)
          .param(node)
          .param(Times.db(until))
          .param(Times.db(now))
          .param(campaignId)
          .query(ContactVariables::claimed)
          .list();
    }
  }
}
