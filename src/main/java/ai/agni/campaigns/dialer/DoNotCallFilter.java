package ai.agni.campaigns.dialer;

import ai.agni.campaigns.queue.ClaimedEntry;
import ai.agni.campaigns.queue.QueueRepository;
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
  private final QueueRepository queue;

  DoNotCallFilter(JdbcClient jdbc, QueueRepository queue) {
    this.jdbc = jdbc;
    this.queue = queue;
  }

  /** Settles listed contacts as failed / dnc and returns the ones that may be dialed. */
  List<ClaimedEntry> dialable(
      UUID organizationId, UUID campaignId, List<ClaimedEntry> claimed, Instant now) {
    if (claimed.isEmpty()) {
      return claimed;
    }
    Set<String> listed = listed(organizationId, claimed);
    if (listed.isEmpty()) {
      return claimed;
    }
    List<ClaimedEntry> out = new ArrayList<>();
    List<ClaimedEntry> dnc = new ArrayList<>();
    for (ClaimedEntry c : claimed) {
      if (listed.contains(c.phone())) {
        dnc.add(c);
      } else {
        out.add(c);
      }
    }
    queue.markDoNotCall(organizationId, campaignId, dnc, now);
    return out;
  }

  private Set<String> listed(UUID organizationId, List<ClaimedEntry> claimed) {
    List<String> phones = claimed.stream().map(ClaimedEntry::phone).toList();
    return new HashSet<>(
        jdbc.sql(
                "SELECT phone FROM dnc_numbers WHERE organization_id = :org AND phone IN (:phones)")
            .param("org", organizationId)
            .param("phones", phones)
            .query(String.class)
            .list());
  }
}
