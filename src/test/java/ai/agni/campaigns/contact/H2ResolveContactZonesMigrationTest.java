package ai.agni.campaigns.contact;

import ai.agni.campaigns.testsupport.ScratchDatabase;

/** The migration on H2, in the mode the application uses. */
class H2ResolveContactZonesMigrationTest extends ResolveContactZonesMigrationContract {

  private final ScratchDatabase database = ScratchDatabase.h2();

  @Override
  protected ScratchDatabase database() {
    return database;
  }
}
