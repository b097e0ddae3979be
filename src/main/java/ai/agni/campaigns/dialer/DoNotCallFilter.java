package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps numbers on the organization's do-not-call list from ever being dialed: a claimed contact
 * whose phone is listed ends {@code failed} with reason {@code dnc} in the claim transaction, with
 * no call placed and its attempt given back.
 */
@Repository
class DoNotCallFilter {

  private final JdbcClient jdbc;

  DoNotCallFilter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean isListed(UUID organizationId, String phone) {
    return jdbc.sql("SELECT 1 FROM dnc_numbers WHERE organization_id = ? AND phone = ?")
        .param(organizationId)
        .param(phone)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /** Settles listed contacts as failed / dnc and returns the ones that may be dialed. */
  List<ClaimedContact> dialable(
      UUID organizationId, UUID campaignId, List<ClaimedContact> claimed, Instant now) {
    if (claimed.isEmpty()) {
      return claimed;
    }
    Set<String> listed = listed(organizationId, claimed);
    if (listed.isEmpty()) {
      return claimed;
    }
    List<ClaimedContact> out = new ArrayList<>();
    for (ClaimedContact c : claimed) {
      if (listed.contains(c.phone())) {
        markDnc(organizationId, campaignId, c, now);
      } else {
        out.add(c);
      }
    }
    return out;
  }

  private Set<String> listed(UUID organizationId, List<ClaimedContact> claimed) {
    List<String> phones = claimed.stream().map(ClaimedContact::phone).toList();
    return new HashSet<>(
        jdbc.sql(
                "SELECT phone FROM dnc_numbers WHERE organization_id = :org AND phone IN (:phones)")
            .param("org", organizationId)
            .param("phones", phones)
            .query(String.class)
            .list());
  }

  private void markDnc(UUID organizationId, UUID campaignId, ClaimedContact c, Instant now) {
    int rows =
        jdbc.sql(
                """
                UPDATE campaign_contacts
                SET state = 'failed', attempts = attempts - 1, last_outcome = 'failed',
                    last_reason = 'dnc', lease_owner = NULL, lease_until = NULL,
                    version = version + 1, updated_at = ?
                WHERE campaign_id = ? AND contact_id = ? AND version = ? AND state = 'in_progress'
                  AND organization_id = ?
                """)
            .param(Times.db(now))
            .param(campaignId)
            .param(c.contactId())
            .param(c.version())
            .param(organizationId)
            .update();
    if (rows != 1) {
      throw new IllegalStateException(
          "Indicates a bug: dnc update of just-claimed " + c + " = " + rows);
    }
  }
}
