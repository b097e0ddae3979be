package ai.agni.campaigns.calllog;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The call-session API on PostgreSQL (session zone not UTC), to prove the SQL and times. */
@PostgresTest
class PostgresCallSessionApiTest extends CallSessionApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
