package ai.agni.campaigns.contact;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;

/** The migration on H2, in the mode the application uses. */
class H2ResolveContactZonesMigrationTest extends ResolveContactZonesMigrationContract {

  private final JdbcDataSource dataSource = new JdbcDataSource();

  H2ResolveContactZonesMigrationTest() {
    dataSource.setURL(
        "jdbc:h2:mem:migration-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  FluentConfiguration flyway() {
    return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common");
  }
}
