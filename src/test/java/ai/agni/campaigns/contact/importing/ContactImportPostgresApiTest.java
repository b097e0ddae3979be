package ai.agni.campaigns.contact.importing;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The CSV import suite (and with it the batch writer) on PostgreSQL. */
@PostgresTest
class ContactImportPostgresApiTest extends ContactImportApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
