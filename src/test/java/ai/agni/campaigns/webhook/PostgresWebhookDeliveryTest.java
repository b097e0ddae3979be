package ai.agni.campaigns.webhook;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Delivery end to end on PostgreSQL (claims with FOR UPDATE SKIP LOCKED). */
@PostgresTest
class PostgresWebhookDeliveryTest extends WebhookDeliveryTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
