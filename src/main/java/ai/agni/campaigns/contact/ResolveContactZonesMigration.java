package ai.agni.campaigns.contact;

import ai.agni.campaigns.campaign.schedule.CalleeZones;
import ai.agni.campaigns.platform.VersionedJavaMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway version 98 (after V97 added the columns): resolves the time zones of every contact stored
 * before (its timezone, else its number's zones: docs/api.md §12) and copies them to its queue rows
 * and their campaigns' zone groups, so contacts of older campaigns are judged in their own local
 * time too. Later contacts are resolved whenever they are written.
 */
@Component
public class ResolveContactZonesMigration extends VersionedJavaMigration {

  public static final String VERSION = "98";

  private static final int BATCH = 500;

  public ResolveContactZonesMigration() {
    super(VERSION, "resolve contact zones");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery("SELECT id, timezone, phone FROM contacts WHERE zones IS NULL");
        PreparedStatement contact =
            connection.prepareStatement("UPDATE contacts SET zones = ? WHERE id = ?");
        PreparedStatement queued =
            connection.prepareStatement(
                "UPDATE campaign_contacts SET zone_key = ? WHERE contact_id = ?")) {
      int pending = 0;
      while (rows.next()) {
        UUID id = rows.getObject("id", UUID.class);
        String key = CalleeZones.keyOf(rows.getString("timezone"), rows.getString("phone"));
        contact.setString(1, key);
        contact.setObject(2, id);
        contact.addBatch();
        queued.setString(1, key);
        queued.setObject(2, id);
        queued.addBatch();
        if (++pending == BATCH) {
          contact.executeBatch();
          queued.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        contact.executeBatch();
        queued.executeBatch();
      }
    }
    try (Statement groups = connection.createStatement()) {
      groups.execute(
          "INSERT INTO campaign_zones (campaign_id, zone_key)"
              + " SELECT DISTINCT campaign_id, zone_key FROM campaign_contacts");
    }
  }
}
