package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The engine's reads and writes of {@code campaigns}: running campaigns with every cap joined in,
 * rules at the moment of dialing, due-work probes on the queue index, and the guarded completion.
 * The poll reads across organizations by design (the engine serves them all); every other call
 * takes the organization id.
 */
@Repository
class EngineCampaignRepository {

  private static final String RUNNING =
      """
      SELECT c.id, c.organization_id, c.agent_id, c.schedule_start, c.schedule_end, c.window_start,
             c.window_end, c.window_days, c.timezone, c.max_concurrent, c.retry_attempts,
             c.retry_gap_min, c.outbound_max_concurrent, c.outbound_max_cps,
             o.outbound_max_concurrent AS org_max_concurrent, o.outbound_max_cps AS org_max_cps,
             p.id AS line_id, p.phone_number, p.provider, p.max_concurrent AS line_max_concurrent,
             p.max_cps AS line_max_cps, p.sip_trunk_uri, p.sip_username, p.sip_password,
             p.runtime_url, p.runtime_secret, a.ring_duration_ms, a.max_call_duration_ms
      FROM campaigns c
      JOIN organizations o ON o.id = c.organization_id
      JOIN phone_numbers p ON p.id = c.phone_number_id AND p.organization_id = c.organization_id
      LEFT JOIN agents a ON a.id = c.agent_id AND a.organization_id = c.organization_id
      WHERE c.status = 'active' AND p.status = 'active'
      ORDER BY c.organization_id, c.id
      """;

  private static final Logger log = LoggerFactory.getLogger(EngineCampaignRepository.class);

  private final JdbcClient jdbc;
  private final Set<UUID> unreadable = ConcurrentHashMap.newKeySet();

  EngineCampaignRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every active campaign whose number is active, with its organization's caps. */
  List<EngineCampaign> runningCampaigns(Map<java.util.UUID, OrgLimits> orgLimitsOut) {
    Map<UUID, OrgLimits> limits = new HashMap<>();
    List<EngineCampaign> campaigns = new ArrayList<>();
    jdbc.sql(RUNNING)
        .query(
            rs -> {
              UUID org = rs.getObject("organization_id", UUID.class);
              limits.computeIfAbsent(
                  org, id -> orgLimits(rs, id, "org_max_concurrent", "org_max_cps"));
              EngineCampaign campaign = readable(rs, org);
              if (campaign != null) {
                campaigns.add(campaign);
              }
            });
    orgLimitsOut.putAll(limits);
    return campaigns;
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
            "SELECT outbound_max_concurrent, outbound_max_cps FROM organizations WHERE id = ?")
        .param(organizationId)
        .query(
            (rs, n) -> orgLimits(rs, organizationId, "outbound_max_concurrent", "outbound_max_cps"))
        .optional();
  }

  /** The campaign's rules now, whatever its status (outcomes are recorded while paused too). */
  Optional<CampaignState> state(UUID organizationId, UUID campaignId) {
    return jdbc.sql(
            """
            SELECT status, schedule_start, schedule_end, window_start, window_end, window_days,
                   timezone, retry_attempts, retry_gap_min
            FROM campaigns WHERE organization_id = ? AND id = ?
            """)
        .param(organizationId)
        .param(campaignId)
        .query((rs, n) -> new CampaignState(rs.getString("status"), rulesOrNull(rs)))
        .optional();
  }

  /** How many pending contacts are due now, counting at most {@code limit} (index range scans). */
  int countDue(UUID organizationId, UUID campaignId, Instant now, int limit) {
    int fresh = count("next_attempt_at IS NULL", null, organizationId, campaignId, limit);
    return fresh >= limit
        ? fresh
        : fresh + count("next_attempt_at <= ?", now, organizationId, campaignId, limit - fresh);
  }

  private int count(String due, Instant now, UUID organizationId, UUID campaignId, int limit) {
    JdbcClient.StatementSpec spec =
        jdbc.sql(
                """
                SELECT COUNT(*) FROM (SELECT 1 FROM campaign_contacts
                  WHERE campaign_id = ? AND state = 'pending' AND %s AND organization_id = ?
                  LIMIT ?) due
                """
                    .formatted(due))
            .param(campaignId);
    if (now != null) {
      spec = spec.param(Times.db(now));
    }
    return spec.param(organizationId).param(limit).query(Integer.class).single();
  }

  /** The earliest retry time at or after {@code from} among pending contacts. */
  Optional<Instant> nextRetryAt(UUID organizationId, UUID campaignId, Instant from) {
    return jdbc.sql(
            """
            SELECT next_attempt_at AS at FROM campaign_contacts
            WHERE campaign_id = ? AND state = 'pending' AND next_attempt_at >= ?
              AND organization_id = ?
            ORDER BY next_attempt_at LIMIT 1
            """)
        .param(campaignId)
        .param(Times.db(from))
        .param(organizationId)
        .query((rs, n) -> Times.instant(rs, "at"))
        .optional();
  }

  /** Whether any contact is still pending or in a call. */
  boolean hasUnfinishedContacts(UUID organizationId, UUID campaignId) {
    return jdbc.sql(
            """
            SELECT 1 FROM campaign_contacts
            WHERE campaign_id = ? AND state IN ('pending', 'in_progress') AND organization_id = ?
            FETCH FIRST 1 ROWS ONLY
            """)
        .param(campaignId)
        .param(organizationId)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /** Completes an active campaign; true only for the one caller that flipped it. */
  /**
   * Completes an active campaign, exactly once, when its end has passed or (re-checked under the
   * campaign's row lock, which adding contacts also takes) no contact is pending or in a call. Call
   * inside a transaction.
   */
  boolean completeIfFinished(UUID organizationId, UUID campaignId, Instant now, boolean ended) {
    boolean active =
        jdbc.sql(
                "SELECT 1 FROM campaigns WHERE organization_id = ? AND id = ? AND status = 'active'"
                    + " FOR UPDATE")
            .params(organizationId, campaignId)
            .query(Integer.class)
            .optional()
            .isPresent();
    if (!active || (!ended && hasUnfinishedContacts(organizationId, campaignId))) {
      return false;
    }
    return complete(organizationId, campaignId, now);
  }

  private boolean complete(UUID organizationId, UUID campaignId, Instant now) {
    return jdbc.sql(
                """
                UPDATE campaigns
                SET status = 'completed', execution_status = 'completed', completed_at = ?,
                    updated_at = ?, version = version + 1
                WHERE organization_id = ? AND id = ? AND status = 'active'
                """)
            .param(Times.db(now))
            .param(Times.db(now))
            .param(organizationId)
            .param(campaignId)
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
        Duration.ofMillis(orDefault(rs, "max_call_duration_ms", 600_000)));
  }

  private static PhoneLine line(ResultSet rs) throws SQLException {
    Map<String, String> route = new HashMap<>();
    for (String column :
        List.of("sip_trunk_uri", "sip_username", "sip_password", "runtime_url", "runtime_secret")) {
      String value = rs.getString(column);
      if (value != null) {
        route.put(column, value);
      }
    }
    return new PhoneLine(
        rs.getObject("line_id", UUID.class),
        rs.getString("phone_number"),
        rs.getString("provider"),
        rs.getObject("line_max_concurrent", Integer.class),
        rs.getObject("line_max_cps", Double.class),
        Map.copyOf(route));
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
        rs.getInt("retry_gap_min"));
  }

  private static OrgLimits orgLimits(ResultSet rs, UUID org, String concurrent, String cps) {
    try {
      return new OrgLimits(org, rs.getInt(concurrent), rs.getDouble(cps));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long orDefault(ResultSet rs, String column, long fallback) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() || value <= 0 ? fallback : value;
  }

  /** A campaign's status and rules at one moment; rules null when its schedule is unreadable. */
  record CampaignState(String status, DialingRules rules) {
    boolean active() {
      return "active".equals(status);
    }
  }
}
