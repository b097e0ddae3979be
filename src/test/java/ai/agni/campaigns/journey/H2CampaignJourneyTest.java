package ai.agni.campaigns.journey;

import org.springframework.test.context.TestPropertySource;

/** The journey on the embedded database. */
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:journey;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class H2CampaignJourneyTest extends CampaignJourneyContract {}
