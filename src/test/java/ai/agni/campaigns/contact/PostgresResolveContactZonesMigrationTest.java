package ai.agni.campaigns.contact;

import ai.agni.campaigns.testsupport.PostgresTest;
import ai.agni.campaigns.testsupport.ScratchDatabase;

/**
 * The migration on PostgreSQL, with the common and the PostgreSQL migrations, in its own schema.
 */
@PostgresTest
class PostgresResolveContactZonesMigrationTest extends ResolveContactZonesMigrationContract {

  private final ScratchDatabase database = ScratchDatabase.postgres();

  @Override
  protected ScratchDatabase database() {
    return database;
  }
}
