package ai.agni.campaigns.testsupport;

import ai.agni.campaigns.platform.SecretCipher;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of migration tests run on each database by a subclass that names its scratch database: rows
 * are written as of {@link #NOW}, secrets sealed with a random key of the test's own.
 */
public abstract class MigrationTestBase {

  protected static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 3, 20, 10, 0, 0, 0, ZoneOffset.UTC);

  protected final SecretCipher cipher = new SecretCipher(randomKey());

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

  /** An organization as stored before the migrations under test (a plaintext webhook secret). */
  protected static UUID anOrganization(JdbcClient jdbc) {
    UUID org = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO organizations (id, name, default_region, outbound_max_concurrent,"
                + " outbound_max_cps, webhook_secret, created_at) VALUES (?, 'Old', 'US', 100, 10,"
                + " 'whsec', ?)")
        .params(org, NOW)
        .update();
    return org;
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
