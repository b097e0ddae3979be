package ai.agni.campaigns.api;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The no-server-error fuzz on PostgreSQL. why: PostgreSQL refuses text H2 stores (NUL), so an input
 * that is harmless on H2 can be a 500 here.
 */
@PostgresTest
class NoServerErrorFuzzPostgresTest extends NoServerErrorFuzzTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
