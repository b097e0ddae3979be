package ai.agni.campaigns.dialer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One claimed call attempt, committed as a {@code queued} call row and waiting for its slot.
 *
 * @param campaignId null for an ad-hoc call (create-call)
 * @param contactId null for an ad-hoc call
 * @param contactVersion the campaign_contacts version after the claim (guards every later write)
 * @param slot the instant the calls-per-second buckets reserved for its start
 * @param rules the campaign's window and retry rules as read by the poll that claimed it (null for
 *     an ad-hoc call)
 */
record ClaimedAttempt(
    UUID sessionId,
    UUID organizationId,
    UUID campaignId,
    UUID contactId,
    UUID agentId,
    PhoneLine line,
    int attempt,
    long contactVersion,
    String to,
    Map<String, String> variables,
    Instant slot,
    Duration ringTimeout,
    Duration maxDuration,
    DialingRules rules) {

  boolean inCampaign() {
    return campaignId != null;
  }
}
