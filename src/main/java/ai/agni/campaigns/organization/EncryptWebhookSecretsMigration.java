package ai.agni.campaigns.organization;

import ai.agni.campaigns.platform.SecretCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway version 93: widens {@code organizations.webhook_secret} to hold the sealed form and seals
 * every secret stored before, in plaintext, with the {@link SecretCipher} for {@link
 * Organization#WEBHOOK_SECRET}. The SQL is the same on H2 and PostgreSQL.
 */
@Component
public class EncryptWebhookSecretsMigration implements JavaMigration {

  public static final String VERSION = "93";

  /** Room for the sealed form of the 64-character secret (128 characters) and more. */
  private static final int COLUMN_LENGTH = 1000;

  private static final int BATCH = 500;

  private final SecretCipher cipher;

  public EncryptWebhookSecretsMigration(SecretCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(VERSION);
  }

  @Override
  public String getDescription() {
    return "encrypt webhook secrets";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "ALTER TABLE organizations ALTER COLUMN webhook_secret SET DATA TYPE VARCHAR("
              + COLUMN_LENGTH
              + ")");
    }
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT id, webhook_secret FROM organizations");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE organizations SET webhook_secret = ? WHERE id = ?")) {
      int pending = 0;
      while (rows.next()) {
        // why every value: before this version nothing was sealed.
        update.setString(
            1, cipher.seal(rows.getString("webhook_secret"), Organization.WEBHOOK_SECRET));
        update.setObject(2, rows.getObject("id", UUID.class));
        update.addBatch();
        if (++pending == BATCH) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }
}
