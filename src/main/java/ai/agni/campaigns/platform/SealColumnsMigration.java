package ai.agni.campaigns.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration that widens some text columns of one table to hold the sealed form and
 * seals every value stored before, in plaintext, with the {@link SecretCipher}, each for its own
 * column's purpose. Spring Boot's Flyway set-up runs {@link JavaMigration} beans with the SQL ones;
 * the SQL is the same on H2 and PostgreSQL. The table's key is a UUID column {@code id}.
 */
public abstract class SealColumnsMigration extends VersionedJavaMigration {

  private static final int BATCH = 500;

  /** A column to seal and the purpose (associated data) its values are sealed for. */
  public record SealedColumn(String name, String purpose) {}

  private final SecretCipher cipher;
  private final String table;
  private final int columnLength;
  private final List<SealedColumn> columns;

  protected SealColumnsMigration(
      SecretCipher cipher,
      String version,
      String description,
      String table,
      int columnLength,
      List<SealedColumn> columns) {
    super(version, description);
    this.cipher = cipher;
    this.table = table;
    this.columnLength = columnLength;
    this.columns = List.copyOf(columns);
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      for (SealedColumn column : columns) {
        ddl.execute(
            "ALTER TABLE "
                + table
                + " ALTER COLUMN "
                + column.name()
                + " SET DATA TYPE VARCHAR("
                + columnLength
                + ")");
      }
    }
    sealAll(connection);
  }

  private void sealAll(Connection connection) throws SQLException {
    String names = String.join(", ", columns.stream().map(SealedColumn::name).toList());
    String sets = String.join(", ", columns.stream().map(c -> c.name() + " = ?").toList());
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT id, " + names + " FROM " + table);
        PreparedStatement update =
            connection.prepareStatement("UPDATE " + table + " SET " + sets + " WHERE id = ?")) {
      int pending = 0;
      while (rows.next()) {
        // why every value: before such a migration nothing in these columns was sealed, whatever
        // a value looks like.
        for (int i = 0; i < columns.size(); i++) {
          SealedColumn column = columns.get(i);
          update.setString(i + 1, cipher.seal(rows.getString(column.name()), column.purpose()));
        }
        update.setObject(columns.size() + 1, rows.getObject("id", UUID.class));
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
