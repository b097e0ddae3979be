package ai.agni.campaigns.testsupport;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An empty database of its own for a migration test, with Flyway set up as the application sets it
 * up for that database: H2 in the application's mode, or a new schema of the test PostgreSQL with
 * the common and the PostgreSQL migrations.
 */
public final class ScratchDatabase {

  private final DataSource dataSource;
  private final FluentConfiguration flyway;
  private final String schema;

  private ScratchDatabase(DataSource dataSource, FluentConfiguration flyway, String schema) {
    this.dataSource = dataSource;
    this.flyway = flyway;
    this.schema = schema;
  }

  public static ScratchDatabase h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:mem:migration-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    return new ScratchDatabase(
        dataSource,
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common"),
        null);
  }

  public static ScratchDatabase postgres() {
    String schema = PostgresDatabase.newSchema();
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    String base = PostgresDatabase.baseUrl();
    dataSource.setURL(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    dataSource.setUser(PostgresDatabase.user());
    return new ScratchDatabase(
        dataSource,
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .locations("classpath:db/migration/common", "classpath:db/migration/postgresql"),
        schema);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** A fresh Flyway configuration of this database (each call its own). */
  public FluentConfiguration flyway() {
    return Flyway.configure().configuration(flyway);
  }

  /** Drops the PostgreSQL schema; nothing for H2 (in memory). */
  public void drop() {
    if (schema != null) {
      JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }
  }
}
