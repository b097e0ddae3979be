package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same HTTP contract on PostgreSQL (row locks, ON CONFLICT, JSON text columns). */
@PostgresTest
class PhoneNumberPostgresApiTest extends PhoneNumberApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
