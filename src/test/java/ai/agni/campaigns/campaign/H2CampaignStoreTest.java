package ai.agni.campaigns.campaign;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The campaign store contract on embedded H2 (PostgreSQL mode). */
class H2CampaignStoreTest extends CampaignStoreContract {

  @DynamicPropertySource
  static void h2(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:campaign-store;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }
}
