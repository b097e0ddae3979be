package ai.agni.campaigns.phonenumber;

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
 * Flyway version 92 (after the SQL migrations up to V91): widens {@code sip_password} and {@code
 * runtime_secret} to hold the sealed form and seals every value stored before, in plaintext, with
 * the {@link SecretCipher} (see {@link NumberSecrets}). Spring Boot's Flyway set-up runs the {@link
 * JavaMigration} beans with the SQL ones; the SQL is the same on H2 and PostgreSQL.
 */
@Component
public class EncryptNumberSecretsMigration implements JavaMigration {

  public static final String VERSION = "92";

  /** Room for the sealed form of a 500-character secret (at most 2,043 characters) and more. */
  private static final int COLUMN_LENGTH = 4000;

  private static final int BATCH = 500;

  private final SecretCipher cipher;

  public EncryptNumberSecretsMigration(SecretCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(VERSION);
  }

  @Override
  public String getDescription() {
    return "encrypt phone number secrets";
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
      for (String column : new String[] {"sip_password", "runtime_secret"}) {
        ddl.execute(
            "ALTER TABLE phone_numbers ALTER COLUMN "
                + column
                + " SET DATA TYPE VARCHAR("
                + COLUMN_LENGTH
                + ")");
      }
    }
    sealAll(connection);
  }

  private void sealAll(Connection connection) throws SQLException {
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT id, sip_password, runtime_secret FROM phone_numbers"
                    + " WHERE sip_password IS NOT NULL OR runtime_secret IS NOT NULL");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE phone_numbers SET sip_password = ?, runtime_secret = ? WHERE id = ?")) {
      int pending = 0;
      while (rows.next()) {
        // why every value: before this version nothing was sealed, whatever a value looks like.
        update.setString(
            1, cipher.seal(rows.getString("sip_password"), NumberSecrets.SIP_PASSWORD));
        update.setString(
            2, cipher.seal(rows.getString("runtime_secret"), NumberSecrets.RUNTIME_SECRET));
        update.setObject(3, rows.getObject("id", UUID.class));
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
