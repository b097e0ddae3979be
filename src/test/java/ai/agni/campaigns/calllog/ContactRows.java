package ai.agni.campaigns.calllog;

import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Inserts {@code contacts} rows with plain SQL, as the contacts feature stores them. */
final class ContactRows {

  static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");

  private ContactRows() {}

  /** Ada Lovelace at this phone, with metadata, tags and notes. */
  static UUID aContact(JdbcClient jdbc, UUID organizationId, String phone) {
    UUID id = Ids.newId();
    jdbc.sql(
            """
            INSERT INTO contacts (id, organization_id, first_name, last_name, email, phone,
                company, timezone, metadata, tags, notes, created_at, updated_at)
            VALUES (?, ?, 'Ada', 'Lovelace', 'ada@example.com', ?, 'Analytical', 'Europe/London',
                '{"plan":"gold","seats":3}', '["vip","beta"]', 'call mornings', ?, ?)
            """)
        .params(id, organizationId, phone, Times.db(CREATED), Times.db(CREATED.plusSeconds(3600)))
        .update();
    return id;
  }
}
