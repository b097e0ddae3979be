package ai.agni.campaigns.contact;

import ai.agni.campaigns.testsupport.QueueRows;
import ai.agni.campaigns.testsupport.Rows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign row and its queue rows written straight to the database, so contact tests can put a
 * contact "in a live call" without the campaign feature.
 */
record CampaignRows(JdbcClient jdbc, UUID organizationId, UUID campaignId) {

  static CampaignRows insert(JdbcClient jdbc, UUID organizationId) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    UUID id = Rows.activeCampaign(jdbc, organizationId, now.toInstant());
    QueueRows.sync(jdbc, id, now.toInstant());
    return new CampaignRows(jdbc, organizationId, id);
  }

  void add(UUID contactId, String state) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.sql(
            """
            INSERT INTO campaign_contacts (campaign_id, contact_id, organization_id, state,
              attempts, version, added_at, updated_at)
            VALUES (?, ?, ?, ?, 0, 0, ?, ?)
            """)
        .params(campaignId, contactId, organizationId, state, now, now)
        .update();
    QueueRows.sync(jdbc, campaignId, now.toInstant());
  }

  List<String> states(UUID contactId) {
    return jdbc.sql("SELECT state FROM campaign_contacts WHERE contact_id = ?")
        .param(contactId)
        .query(String.class)
        .list();
  }
}
