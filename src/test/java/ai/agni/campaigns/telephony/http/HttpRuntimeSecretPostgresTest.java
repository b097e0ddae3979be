package ai.agni.campaigns.telephony.http;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on PostgreSQL. */
@PostgresTest
class HttpRuntimeSecretPostgresTest extends HttpRuntimeSecretTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
