package ai.agni.campaigns.dialer;

import java.util.UUID;

/**
 * Identifies one live attempt for the guarded writes that end it.
 *
 * @param campaignId null for an ad-hoc call, which has no queue row
 * @param contactVersion the queue row's version while the attempt is live
 * @param rules the campaign's rules read by the poll that claimed it, or null to read them fresh
 */
record AttemptRef(
    UUID sessionId,
    UUID organizationId,
    UUID campaignId,
    UUID contactId,
    int attempt,
    long contactVersion,
    DialingRules rules) {

  static AttemptRef of(ClaimedAttempt a) {
    return new AttemptRef(
        a.sessionId(),
        a.organizationId(),
        a.campaignId(),
        a.contactId(),
        a.attempt(),
        a.contactVersion(),
        a.rules());
  }
}
