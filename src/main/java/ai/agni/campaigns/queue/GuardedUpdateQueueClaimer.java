package ai.agni.campaigns.queue;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2 (single node): select the due batch, then one batched version-guarded update. A row whose
 * version moved in between is simply not claimed (0 rows: lost the race, normal).
 */
final class GuardedUpdateQueueClaimer implements QueueClaimer {

  private static final String SELECT =
      """
      SELECT cc.contact_id, cc.attempts, cc.version, cc.next_attempt_at, cc.added_at, cc.zone_key, %s
      FROM campaign_contacts cc JOIN contacts c ON c.id = cc.contact_id
      WHERE cc.campaign_id = ? AND cc.state = 'pending' AND %s%s AND cc.organization_id = ?
      %s LIMIT ?
      """;

  private static final String UPDATE =
      """
      UPDATE campaign_contacts
      SET state = 'in_progress', attempts = attempts + 1, lease_owner = ?, lease_until = ?,
          version = version + 1, updated_at = ?
      WHERE campaign_id = ? AND contact_id = ? AND version = ? AND state = 'pending'
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  GuardedUpdateQueueClaimer(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
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
    List<ClaimedEntry> due =
        new ArrayList<>(
            select(
                organizationId,
                campaignId,
                zoneKey,
                "cc.next_attempt_at <= ?",
                "ORDER BY cc.next_attempt_at",
                now,
                limit));
    if (due.size() < limit) {
      due.addAll(
          select(
              organizationId,
              campaignId,
              zoneKey,
              "cc.next_attempt_at IS NULL",
              "",
              null,
              limit - due.size()));
    }
    List<Object[]> args = new ArrayList<>();
    for (ClaimedEntry c : due) {
      args.add(
          new Object[] {
            node, Times.db(until), Times.db(now), campaignId, c.contactId(), c.version()
          });
    }
    int[] counts = template.batchUpdate(UPDATE, args);
    List<ClaimedEntry> claimed = new ArrayList<>();
    for (int i = 0; i < due.size(); i++) {
      if (counts[i] == 1) {
        ClaimedEntry c = due.get(i);
        claimed.add(
            new ClaimedEntry(
                c.contactId(),
                c.attempt() + 1,
                c.version() + 1,
                c.phone(),
                c.variables(),
                c.dueSince(),
                c.zoneKey()));
      } else if (counts[i] > 1) {
        throw new IllegalStateException("Indicates a bug: claim updated " + counts[i] + " rows");
      }
    }
    return claimed;
  }

  private List<ClaimedEntry> select(
      UUID organizationId,
      UUID campaignId,
      String zoneKey,
      String due,
      String order,
      Instant now,
      int limit) {
    String zone = zoneKey == null ? "" : " AND cc.zone_key = ?";
    JdbcClient.StatementSpec spec =
        jdbc.sql(SELECT.formatted(QueueClaimer.CONTACT_COLUMNS, due, zone, order))
            .param(campaignId);
    if (now != null) {
      spec = spec.param(Times.db(now));
    }
    if (zoneKey != null) {
      spec = spec.param(zoneKey);
    }
    return spec.param(organizationId).param(limit).query(ContactVariables::claimed).list();
  }
}
