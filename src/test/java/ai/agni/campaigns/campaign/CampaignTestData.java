package ai.agni.campaigns.campaign;

import ai.agni.campaigns.testsupport.QueueRows;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows a campaign points at (agents, phone numbers, contacts), inserted with plain SQL because
 * those features are built elsewhere; and queue states the dialer would set.
 */
final class CampaignTestData {

  private static final AtomicInteger NUMBERS = new AtomicInteger();
  private static final AtomicInteger CONTACTS = new AtomicInteger();
  private static final String[] AREAS = {"415", "212", "202", "646", "312", "213", "305", "617"};

  private final JdbcClient jdbc;

  CampaignTestData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An agent with status ACTIVE. */
  UUID anActiveAgent(UUID org) {
    return anAgent(org, "ACTIVE");
  }

  UUID anAgent(UUID org, String status) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO agents (id, organization_id, name, status, ring_duration_ms,
              max_call_duration_ms, webhook_urls, extra, created_at, updated_at)
            VALUES (?, ?, ?, ?, 30000, 600000, '[]', '{}', ?, ?)
            """)
        .params(id, org, "Agent " + id, status, now(), now())
        .update();
    return id;
  }

  /** An active number of the organization, with a valid, unique US E.164 value. */
  PhoneNumber anActiveNumber(UUID org) {
    return aNumber(org, "active");
  }

  PhoneNumber aNumber(UUID org, String status) {
    int n = NUMBERS.getAndIncrement();
    String phone = "+1" + AREAS[(n / 100) % AREAS.length] + "555" + (100 + n % 100);
    phone = phone.substring(0, 8) + "0" + phone.substring(8);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO phone_numbers (id, organization_id, phone_number, provider, status,
              created_at, updated_at)
            VALUES (?, ?, ?, 'simulated', ?, ?, ?)
            """)
        .params(id, org, phone, status, now(), now())
        .update();
    return new PhoneNumber(id, phone);
  }

  /** {@code count} contacts of the organization, named First i / Last i. */
  List<UUID> contacts(UUID org, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID id = UUID.randomUUID();
      int n = CONTACTS.incrementAndGet();
      jdbc.sql(
              """
              INSERT INTO contacts (id, organization_id, first_name, last_name, email, phone,
                metadata, tags, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, '{}', '[]', ?, ?)
              """)
          .params(id, org, "First" + n, "Last" + n, "c" + n + "@example.com")
          .params(String.format("+1202%07d", n), now(), now())
          .update();
      ids.add(id);
    }
    return ids;
  }

  /** Puts a queued contact in a state, as the dialer would. */
  void setQueueState(UUID campaignId, UUID contactId, String state, int attempts) {
    jdbc.sql(
            "UPDATE campaign_contacts SET state = ?, attempts = ?, last_outcome = ?,"
                + " last_duration_sec = ? WHERE campaign_id = ? AND contact_id = ?")
        .params(state, attempts, attempts > 0 ? "no_answer" : null, attempts > 0 ? 12 : null)
        .params(campaignId, contactId)
        .update();
    QueueRows.sync(jdbc, campaignId, java.time.Instant.now());
  }

  long queueSize(UUID campaignId) {
    return jdbc.sql("SELECT COUNT(*) FROM campaign_contacts WHERE campaign_id = ?")
        .param(campaignId)
        .query(Long.class)
        .single();
  }

  long campaignCount(UUID org) {
    return jdbc.sql("SELECT COUNT(*) FROM campaigns WHERE organization_id = ?")
        .param(org)
        .query(Long.class)
        .single();
  }

  private static OffsetDateTime now() {
    return Instant.now().atOffset(ZoneOffset.UTC);
  }

  /** A phone number row: its id and E.164 value. */
  record PhoneNumber(UUID id, String phone) {}
}
