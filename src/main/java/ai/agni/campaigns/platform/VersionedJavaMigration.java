package ai.agni.campaigns.platform;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration with a fixed version and description, run in the migration's transaction.
 * Spring Boot's Flyway set-up runs {@link JavaMigration} beans with the SQL ones.
 */
public abstract class VersionedJavaMigration implements JavaMigration {

  private final String version;
  private final String description;

  protected VersionedJavaMigration(String version, String description) {
    this.version = version;
    this.description = description;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(version);
  }

  @Override
  public String getDescription() {
    return description;
  }

  /** why none: the migration's code is its definition; Flyway keeps no checksum of Java ones. */
  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }
}
