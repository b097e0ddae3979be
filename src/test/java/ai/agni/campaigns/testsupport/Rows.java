package ai.agni.campaigns.testsupport;

import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Minimal rows written straight to the database, for tests of one table group that need the rows it
 * refers to: an organization, an active campaign (agent and number ids made up).
 */
public final class Rows {

  private Rows() {}

  public static UUID organization(JdbcClient jdbc, Instant at) {
    UUID id = Ids.newId();
    jdbc.sql(
            """
            INSERT INTO organizations (id, name, default_region, outbound_max_concurrent,
              outbound_max_cps, webhook_secret, created_at) VALUES (?, 'Org', 'US', 10, 1, 's', ?)
            """)
        .params(id, Times.db(at))
        .update();
    return id;
  }

  public static UUID activeCampaign(JdbcClient jdbc, UUID organizationId, Instant at) {
    UUID id = Ids.newId();
    jdbc.sql(
            """
            INSERT INTO campaigns (id, organization_id, name, agent_id, phone_number_id,
              from_phone_number, status, execution_status, window_start, window_end, window_days,
              timezone, max_concurrent, retry_attempts, retry_gap_min, created_at, updated_at,
              version)
            VALUES (?, ?, 'c', ?, ?, '+14155550000', 'active', 'running', '09:00', '18:00',
              '1,2,3,4,5', 'UTC', 5, 2, 30, ?, ?, 0)
            """)
        .params(id, organizationId, Ids.newId(), Ids.newId(), Times.db(at), Times.db(at))
        .update();
    return id;
  }
}
