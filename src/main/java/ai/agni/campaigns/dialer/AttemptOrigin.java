package ai.agni.campaigns.dialer;

import java.time.Instant;
import java.util.UUID;

/**
 * Where an attempt comes from, and so what its end writes: a campaign contact's queue row, or a
 * single call of create-call (no queue row; an unused slot puts it back in line).
 */
sealed interface AttemptOrigin permits AttemptOrigin.CampaignContact, AttemptOrigin.SingleCall {

  /**
   * A contact of a campaign's queue.
   *
   * @param contactVersion the queue row's version while the attempt is live (guards its writes)
   * @param rules the campaign's rules as read by the claiming poll, or null to read them fresh
   * @param zoneKey the contact's time zones (its queue row's zone group), "" or null when unknown
   */
  record CampaignContact(
      UUID campaignId, UUID contactId, long contactVersion, DialingRules rules, String zoneKey)
      implements AttemptOrigin {}

  /** A single call; {@code queuedAt} is its place in line if its slot goes unused. */
  record SingleCall(Instant queuedAt) implements AttemptOrigin {}
}
