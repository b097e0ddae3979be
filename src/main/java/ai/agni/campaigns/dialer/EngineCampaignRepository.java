package ai.agni.campaigns.dialer;

import ai.agni.campaigns.campaign.schedule.FrequencyCap;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.telephony.CallRoutes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The engine's reads and writes of {@code campaigns}: the campaigns whose work is due with every
 * cap joined in, rules read fresh for each outcome, and the guarded completion. The poll reads
 * across organizations by design (the engine serves them all); every other call takes the
 * organization id.
 */
@Repository
class EngineCampaignRepository {

  private static final String DUE =
      """
      SELECT c.id, c.organization_id, c.status, c.agent_id, c.schedule_start, c.schedule_end,
             c.window_start, c.window_end, c.window_days, c.timezone, c.max_concurrent,
             c.retry_attempts, c.retry_gap_min, c.outbound_max_concurrent, c.outbound_max_cps,
             c.window_timezone, c.blackout_dates, c.retry_policy, o.calling_hours_start,
             o.calling_hours_end, o.frequency_caps,
             o.outbound_max_concurrent AS org_max_concurrent, o.outbound_max_cps AS org_max_cps,
             p.id AS line_id, p.status AS line_status, p.phone_number, p.provider,
             p.max_concurrent AS line_max_concurrent, p.max_cps AS line_max_cps, p.sip_trunk_uri,
             p.sip_username, p.sip_password, p.runtime_url, p.runtime_secret, a.ring_duration_ms,
             a.max_call_duration_ms, a.sip_uri AS agent_sip_uri, q.pending, q.in_progress,
             q.work_seq, b.blocked_until AS line_blocked_until, c.active_since
      FROM campaign_queues q
      JOIN campaigns c ON c.id = q.campaign_id
      JOIN organizations o ON o.id = c.organization_id
      LEFT JOIN phone_numbers p ON p.id = c.phone_number_id AND p.organization_id = c.organization_id
      LEFT JOIN agents a ON a.id = c.agent_id AND a.organization_id = c.organization_id
      LEFT JOIN line_backoffs b ON b.phone_number_id = c.phone_number_id
      WHERE q.next_work_at <= ?
      ORDER BY q.next_work_at LIMIT ?
      """;

  private static final Logger log = LoggerFactory.getLogger(EngineCampaignRepository.class);

  private final JdbcClient jdbc;
  private final Set<UUID> unreadable = ConcurrentHashMap.newKeySet();

  EngineCampaignRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The campaigns whose next work has come (one indexed range over the queue heads), with their
   * organization's caps and counters; campaigns with nothing to do cost nothing here.
   */
  List<DueCampaign> dueCampaigns(Instant now, int limit) {
    return jdbc.sql(DUE)
        .params(Times.db(now), limit)
        .query(
            (rs, n) -> {
              UUID org = rs.getObject("organization_id", UUID.class);
              boolean runnable =
                  "active".equals(rs.getString("status"))
                      && "active".equals(rs.getString("line_status"));
              return new DueCampaign(
                  rs.getObject("id", UUID.class),
                  orgLimits(rs, org, "org_max_concurrent", "org_max_cps"),
                  runnable ? readable(rs, org) : null,
                  rs.getLong("pending"),
                  rs.getLong("in_progress"),
                  rs.getLong("work_seq"),
                  Times.instant(rs, "line_blocked_until"));
            })
        .list();
  }

  /**
   * The campaign of the current row, or null when its schedule cannot be read (a time zone this JVM
   * does not know, a malformed window written around the API): such a campaign is skipped, never
   * dialed by a guessed window, and the others go on.
   */
  private EngineCampaign readable(ResultSet rs, UUID org) throws SQLException {
    try {
      return campaign(rs, org);
    } catch (DateTimeException | IllegalArgumentException e) {
      UUID id = rs.getObject("id", UUID.class);
      if (unreadable.add(id)) {
        log.error("Campaign {} has an unreadable schedule and is not dialed: {}", id, e.toString());
      }
      return null;
    }
  }

  Optional<OrgLimits> orgLimits(UUID organizationId) {
    return jdbc.sql(
            "SELECT outbound_max_concurrent, outbound_max_cps, frequency_caps FROM organizations"
                + " WHERE id = ?")
        .param(organizationId)
        .query(
            (rs, n) -> orgLimits(rs, organizationId, "outbound_max_concurrent", "outbound_max_cps"))
        .optional();
  }

  /** The campaign's rules now, whatever its status (outcomes are recorded while paused too). */
  Optional<CampaignState> state(UUID organizationId, UUID campaignId) {
    return jdbc.sql(
            """
            SELECT c.status, c.schedule_start, c.schedule_end, c.window_start, c.window_end,
                   c.window_days, c.timezone, c.retry_attempts, c.retry_gap_min, c.window_timezone,
                   c.blackout_dates, c.retry_policy, o.calling_hours_start, o.calling_hours_end
            FROM campaigns c JOIN organizations o ON o.id = c.organization_id
            WHERE c.organization_id = ? AND c.id = ?
            """)
        .param(organizationId)
        .param(campaignId)
        .query((rs, n) -> new CampaignState(rs.getString("status"), rulesOrNull(rs)))
        .optional();
  }

  /** Locks an active campaign's row (adding contacts takes it too); false when not active. */
  boolean lockActive(UUID organizationId, UUID campaignId) {
    return jdbc.sql(
            "SELECT 1 FROM campaigns WHERE organization_id = ? AND id = ? AND status = 'active'"
                + " FOR UPDATE")
        .params(organizationId, campaignId)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /**
   * Pauses the organization's active campaigns that dial on {@code lineId}, with the engine's
   * reason (the trunk refused the number's credentials); returns the ones it paused. why lock
   * first: the ids returned are exactly the rows this transaction pauses.
   */
  List<UUID> pauseOnLine(UUID organizationId, UUID lineId, String reason, Instant now) {
    List<UUID> active =
        jdbc.sql(
                "SELECT id FROM campaigns WHERE organization_id = ? AND phone_number_id = ?"
                    + " AND status = 'active' ORDER BY id FOR UPDATE")
            .params(organizationId, lineId)
            .query(UUID.class)
            .list();
    if (active.isEmpty()) {
      return active;
    }
    jdbc.sql(
            """
            UPDATE campaigns
            SET status = 'paused', execution_status = 'paused', paused_reason = :reason,
                updated_at = :now, version = version + 1
            WHERE organization_id = :org AND id IN (:ids) AND status = 'active'
            """)
        .param("reason", reason)
        .param("now", Times.db(now))
        .param("org", organizationId)
        .param("ids", active)
        .update();
    return active;
  }

  /** Completes an active campaign; true only for the one caller that flipped it. */
  boolean complete(UUID organizationId, UUID campaignId, Instant now) {
    return jdbc.sql(
                """
                UPDATE campaigns
                SET status = 'completed', execution_status = 'completed', completed_at = ?,
                    updated_at = ?, version = version + 1
                WHERE organization_id = ? AND id = ? AND status = 'active'
                """)
            .params(Times.db(now), Times.db(now), organizationId, campaignId)
            .update()
        == 1;
  }

  private static EngineCampaign campaign(ResultSet rs, UUID org) throws SQLException {
    int orgConcurrent = rs.getInt("org_max_concurrent");
    double orgCps = rs.getDouble("org_max_cps");
    Integer outboundConcurrent = (Integer) rs.getObject("outbound_max_concurrent", Integer.class);
    Double outboundCps = rs.getObject("outbound_max_cps", Double.class);
    return new EngineCampaign(
        rs.getObject("id", UUID.class),
        org,
        rs.getObject("agent_id", UUID.class),
        rules(rs),
        line(rs),
        rs.getInt("max_concurrent"),
        outboundConcurrent == null ? orgConcurrent : outboundConcurrent,
        outboundCps == null ? orgCps : outboundCps,
        Duration.ofMillis(orDefault(rs, "ring_duration_ms", 30_000)),
        Duration.ofMillis(orDefault(rs, "max_call_duration_ms", 600_000)),
        Times.instant(rs, "active_since"));
  }

  private static PhoneLine line(ResultSet rs) throws SQLException {
    return new PhoneLine(
        rs.getObject("line_id", UUID.class),
        rs.getString("phone_number"),
        rs.getString("provider"),
        rs.getObject("line_max_concurrent", Integer.class),
        rs.getObject("line_max_cps", Double.class),
        CallRoutes.read(rs));
  }

  /** The rules, or null when the row's schedule cannot be read (see {@link #readable}). */
  private static DialingRules rulesOrNull(ResultSet rs) throws SQLException {
    try {
      return rules(rs);
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
  }

  static DialingRules rules(ResultSet rs) throws SQLException {
    return DialingRules.of(
        rs.getString("window_start"),
        rs.getString("window_end"),
        rs.getString("window_days"),
        Times.instant(rs, "schedule_start"),
        Times.instant(rs, "schedule_end"),
        rs.getString("timezone"),
        rs.getInt("retry_attempts"),
        rs.getInt("retry_gap_min"),
        rs.getString("window_timezone"),
        rs.getString("blackout_dates"),
        rs.getString("retry_policy"),
        rs.getString("calling_hours_start"),
        rs.getString("calling_hours_end"));
  }

  private static OrgLimits orgLimits(ResultSet rs, UUID org, String concurrent, String cps) {
    try {
      return new OrgLimits(
          org, rs.getInt(concurrent), rs.getDouble(cps), caps(rs.getString("frequency_caps")));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The organization's frequency caps from their JSON column; why never fail: a cap written around
   * the API that cannot be read must not stop its campaigns, so it is logged and ignored.
   */
  static List<FrequencyCap> caps(String json) {
    try {
      return FrequencyCap.parseJson(json);
    } catch (IllegalArgumentException e) {
      log.error("Unreadable frequency caps {} are ignored: {}", json, e.toString());
      return List.of();
    }
  }

  private static long orDefault(ResultSet rs, String column, long fallback) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() || value <= 0 ? fallback : value;
  }

  /** A campaign's status and rules at one moment; rules null when its schedule is unreadable. */
  record CampaignState(String status, DialingRules rules) {}
}
