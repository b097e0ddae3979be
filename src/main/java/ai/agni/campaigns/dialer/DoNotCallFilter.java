package ai.agni.campaigns.dialer;

import ai.agni.campaigns.queue.ClaimedEntry;
import ai.agni.campaigns.queue.QueueRepository;
import ai.agni.campaigns.queue.QueueState;
import ai.agni.campaigns.webhook.FinishedContact;
import ai.agni.campaigns.webhook.WebhookOutbox;
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
 * no call placed and its attempt given back (and its {@code contact.finished} event written).
 */
@Repository
class DoNotCallFilter {

  private final JdbcClient jdbc;
  private final QueueRepository queue;
  private final WebhookOutbox outbox;

  DoNotCallFilter(JdbcClient jdbc, QueueRepository queue, WebhookOutbox outbox) {
    this.jdbc = jdbc;
    this.queue = queue;
    this.outbox = outbox;
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
    outbox.contactsFinished(
        dnc.stream()
            .map(
                c ->
                    new FinishedContact(
                        organizationId,
                        campaignId,
                        c.contactId(),
                        c.phone(),
                        QueueState.FAILED.wire(),
                        c.attempt() - 1,
                        "failed",
                        "dnc"))
            .toList());
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
