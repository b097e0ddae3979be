package ai.agni.campaigns.dialer;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The big engine run on PostgreSQL (single-statement SKIP LOCKED claims). */
@PostgresTest
class PostgresEngineScenarioTest extends EngineScenarioContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
