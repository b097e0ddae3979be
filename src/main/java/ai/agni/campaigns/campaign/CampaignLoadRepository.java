package ai.agni.campaigns.campaign;

import ai.agni.campaigns.organization.Organization;
import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether a campaign's calls have every place taken, read for the operator's view in one statement
 * (live counts are the engine's {@code live_counts} counters, the number's cap and back-off its own
 * rows), never for dialing: the engine judges that itself at claim time.
 */
@Repository
class CampaignLoadRepository {

  private static final String LOAD =
      """
      SELECT
        (SELECT COALESCE(SUM(live), 0) FROM live_counts
          WHERE organization_id = :org) AS org_live,
        (SELECT COALESCE(SUM(live), 0) FROM live_counts
          WHERE organization_id = :org AND campaign_key = :campaign) AS campaign_live,
        (SELECT COALESCE(SUM(live), 0) FROM live_counts
          WHERE organization_id = :org AND phone_number_id = :line) AS line_live,
        (SELECT max_concurrent FROM phone_numbers
          WHERE id = :line AND organization_id = :org) AS line_max,
        (SELECT blocked_until FROM line_backoffs
          WHERE phone_number_id = :line AND organization_id = :org) AS line_blocked_until
      """;

  private final JdbcClient jdbc;

  CampaignLoadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * True when no new call of the campaign could start now: its own cap (the least of {@code
   * maxConcurrent} and its outbound cap), its number's or its organization's is reached by live
   * calls, or its number backs off after its trunk or runtime failed.
   */
  boolean full(Campaign c, Organization org, Instant now) {
    int campaignCap =
        Math.min(
            c.schedule().maxConcurrent(),
            c.outboundMaxConcurrent() != null
                ? c.outboundMaxConcurrent()
                : org.outboundMaxConcurrent());
    return jdbc.sql(LOAD)
        .param("org", c.organizationId())
        .param("campaign", c.id())
        .param("line", c.phoneNumberId())
        .query(
            (rs, n) -> {
              long lineMax = rs.getLong("line_max");
              boolean lineCapped = !rs.wasNull() && rs.getLong("line_live") >= lineMax;
              Instant blocked = Times.instant(rs, "line_blocked_until");
              return rs.getLong("campaign_live") >= campaignCap
                  || rs.getLong("org_live") >= org.outboundMaxConcurrent()
                  || lineCapped
                  || (blocked != null && blocked.isAfter(now));
            })
        .single();
  }
}
