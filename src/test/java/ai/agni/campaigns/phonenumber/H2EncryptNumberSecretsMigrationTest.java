package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.testsupport.ScratchDatabase;

/** The migration on H2, in the mode the application uses. */
class H2EncryptNumberSecretsMigrationTest extends EncryptNumberSecretsMigrationContract {

  private final ScratchDatabase database = ScratchDatabase.h2();

  @Override
  protected ScratchDatabase database() {
    return database;
  }

  @Override
  String previousVersion() {
    return "90";
  }
}
