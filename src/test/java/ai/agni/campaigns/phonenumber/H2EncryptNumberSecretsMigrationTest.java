package ai.agni.campaigns.phonenumber;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;

/** The migration on H2, in the mode the application uses. */
class H2EncryptNumberSecretsMigrationTest extends EncryptNumberSecretsMigrationContract {

  private final JdbcDataSource dataSource = new JdbcDataSource();

  H2EncryptNumberSecretsMigrationTest() {
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

  @Override
  String previousVersion() {
    return "90";
  }
}
