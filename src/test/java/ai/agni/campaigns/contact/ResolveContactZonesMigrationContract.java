package ai.agni.campaigns.contact;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.organization.EncryptWebhookSecretsMigration;
import ai.agni.campaigns.phonenumber.EncryptNumberSecretsMigration;
import ai.agni.campaigns.testsupport.MigrationTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Version 98 on a database written before it: every stored contact gets its zones (its timezone,
 * else its number's, else none), its queue rows carry them, and its campaigns know their zone
 * groups. Run on each database by its subclass.
 */
abstract class ResolveContactZonesMigrationContract extends MigrationTestBase {

  @Test
  void contactsStoredBeforeAreJudgedInTheirOwnZones() {
    flyway()
        .target("97")
        .javaMigrations(
            new EncryptNumberSecretsMigration(cipher), new EncryptWebhookSecretsMigration(cipher))
        .load()
        .migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource());
    UUID org = anOrganization(jdbc);
    UUID named = contact(jdbc, org, "+12125550101", "Australia/Sydney");
    UUID byNumber = contact(jdbc, org, "+13125550102", null);
    UUID unknown = contact(jdbc, org, "+15555555", null);
    UUID campaign = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO campaigns (id, organization_id, name, agent_id, phone_number_id,
              from_phone_number, status, execution_status, window_start, window_end, window_days,
              timezone, max_concurrent, retry_attempts, retry_gap_min, created_at, updated_at,
              version)
            VALUES (?, ?, 'Old', ?, ?, '+14155550100', 'active', 'running', '09:00', '18:00',
              '1,2,3,4,5', 'UTC', 5, 2, 30, ?, ?, 0)
            """)
        .params(campaign, org, UUID.randomUUID(), UUID.randomUUID(), NOW, NOW)
        .update();
    for (UUID contact : new UUID[] {named, byNumber, unknown}) {
      jdbc.sql(
              "INSERT INTO campaign_contacts (campaign_id, contact_id, organization_id, state,"
                  + " attempts, version, added_at, updated_at)"
                  + " VALUES (?, ?, ?, 'pending', 0, 0, ?, ?)")
          .params(campaign, contact, org, NOW, NOW)
          .update();
    }

    flyway()
        .javaMigrations(
            new EncryptNumberSecretsMigration(cipher),
            new EncryptWebhookSecretsMigration(cipher),
            new ResolveContactZonesMigration())
        .load()
        .migrate();

    assertThat(zones(jdbc, "contacts", "zones", "id", named)).isEqualTo("Australia/Sydney");
    assertThat(zones(jdbc, "contacts", "zones", "id", byNumber)).isEqualTo("America/Chicago");
    assertThat(zones(jdbc, "contacts", "zones", "id", unknown)).isEmpty();
    assertThat(zones(jdbc, "campaign_contacts", "zone_key", "contact_id", byNumber))
        .isEqualTo("America/Chicago");
    assertThat(
            jdbc.sql("SELECT zone_key FROM campaign_zones WHERE campaign_id = ? ORDER BY zone_key")
                .param(campaign)
                .query(String.class)
                .list())
        .containsExactly("", "America/Chicago", "Australia/Sydney");
  }

  private static String zones(JdbcClient jdbc, String table, String column, String key, UUID id) {
    return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + key + " = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private static UUID contact(JdbcClient jdbc, UUID org, String phone, String timezone) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO contacts (id, organization_id, phone, timezone, metadata, tags,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, '{}', '[]', ?, ?)")
        .params(id, org, phone, timezone, NOW, NOW)
        .update();
    return id;
  }
}
