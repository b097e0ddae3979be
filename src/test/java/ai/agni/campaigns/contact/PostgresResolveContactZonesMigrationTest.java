package ai.agni.campaigns.contact;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration on PostgreSQL, with the common and the PostgreSQL migrations, in its own schema.
 */
@PostgresTest
class PostgresResolveContactZonesMigrationTest extends ResolveContactZonesMigrationContract {

  private final String schema = PostgresDatabase.newSchema();
  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  PostgresResolveContactZonesMigrationTest() {
    String base = PostgresDatabase.baseUrl();
    dataSource.setURL(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    dataSource.setUser(PostgresDatabase.user());
  }

  @AfterEach
  void dropSchema() {
    JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .defaultSchema(schema)
        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql");
  }
}
