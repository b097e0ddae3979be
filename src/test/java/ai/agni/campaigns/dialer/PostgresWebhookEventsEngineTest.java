package ai.agni.campaigns.dialer;

import ai.agni.campaigns.testsupport.PostgresDatabase;
import ai.agni.campaigns.testsupport.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Webhook events of stepped campaigns on PostgreSQL (SKIP LOCKED claims of deliveries too). */
@PostgresTest
class PostgresWebhookEventsEngineTest extends WebhookEventsEngineContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, PostgresDatabase.newSchema());
  }
}
