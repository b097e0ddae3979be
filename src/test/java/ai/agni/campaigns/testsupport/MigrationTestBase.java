package ai.agni.campaigns.testsupport;

import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;

/** Base of migration tests run on each database by a subclass that names its scratch database. */
public abstract class MigrationTestBase {

  /** A fresh, empty database (or schema) of this test. */
  protected abstract ScratchDatabase database();

  @AfterEach
  void dropDatabase() {
    database().drop();
  }

  protected DataSource dataSource() {
    return database().dataSource();
  }

  /** Flyway set up as the application sets it up for this database (a new one per call). */
  protected FluentConfiguration flyway() {
    return database().flyway();
  }
}
