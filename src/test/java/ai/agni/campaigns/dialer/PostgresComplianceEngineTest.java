package ai.agni.campaigns.dialer;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The compliance rules over stepped campaigns on PostgreSQL (SKIP LOCKED claims by zone group). */
@PostgresTest
class PostgresComplianceEngineTest extends ComplianceEngineContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
