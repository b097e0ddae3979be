package ai.agni.campaigns.queue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moves up to {@code limit} due pending contacts of one campaign to {@code in_progress} (lease
 * owner and expiry set, attempts + 1, version + 1) and returns them: due retries first, then first
 * attempts. The SQL dialect picks the implementation; {@link QueueRepository} alone calls it and
 * moves the counters in the same transaction.
 */
interface QueueClaimer {

  /** With a {@code zoneKey}, only contacts of that zone group; null: any. */
  List<ClaimedEntry> claim(
      UUID organizationId,
      UUID campaignId,
      String zoneKey,
      int limit,
      String node,
      Instant now,
      Instant leaseUntil);

  /** Where this node's next claim of first attempts starts (null: the front of the queue). */
  default UUID cursor(UUID campaignId, String zoneKey) {
    return null;
  }

  /** The contact columns that become the agent's dynamic variables. */
  String CONTACT_COLUMNS = "c.phone, c.first_name, c.last_name, c.email, c.company, c.metadata";
}
