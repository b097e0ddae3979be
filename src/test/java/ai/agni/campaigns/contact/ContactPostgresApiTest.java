package ai.agni.campaigns.contact;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contact API suite on PostgreSQL. */
@PostgresTest
class ContactPostgresApiTest extends ContactApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
