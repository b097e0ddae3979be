package ai.agni.campaigns.queue;

import org.springframework.test.context.TestPropertySource;

/** The queue contract on H2 (its own in-memory database). */
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:queue;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class H2QueueRepositoryTest extends QueueRepositoryContract {}
