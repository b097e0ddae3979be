package ai.agni.campaigns.contact;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The contact side of {@code campaign_contacts}: what deleting a contact must clear first. A row in
 * state {@code in_progress} is a live call and is never removed here.
 */
@Repository
class ContactQueueRepository {

  private final JdbcClient jdbc;

  ContactQueueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Removes the contacts' queue rows that are not in a live call. why: deleting first and checking
   * after means a concurrent claim either waits for this delete or is seen by {@link #inCall}.
   */
  int removeIdle(UUID organizationId, Collection<UUID> contactIds) {
    return jdbc.sql(
            """
            DELETE FROM campaign_contacts
            WHERE organization_id = :org AND contact_id IN (:ids) AND state <> 'in_progress'
            """)
        .param("org", organizationId)
        .param("ids", contactIds)
        .update();
  }

  /** Those of the contacts that are in a live call of some campaign. */
  Set<UUID> inCall(UUID organizationId, Collection<UUID> contactIds) {
    return new HashSet<>(
        jdbc.sql(
                """
                SELECT DISTINCT contact_id FROM campaign_contacts
                WHERE organization_id = :org AND contact_id IN (:ids) AND state = 'in_progress'
                """)
            .param("org", organizationId)
            .param("ids", contactIds)
            .query(UUID.class)
            .list());
  }
}
