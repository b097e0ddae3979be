package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on PostgreSQL: the columns hold the sealed form there too. */
@PostgresTest
class NumberSecretsPostgresApiTest extends NumberSecretsApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
