package ai.agni.campaigns.campaign;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The campaign store contract on PostgreSQL, in a fresh schema and a non-UTC session zone. */
@PostgresTest
class PostgresCampaignStoreTest extends CampaignStoreContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
