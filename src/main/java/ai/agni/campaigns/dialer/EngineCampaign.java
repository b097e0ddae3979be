package ai.agni.campaigns.dialer;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A running campaign as the engine sees it at one poll: its rules, its line, and every cap that
 * bounds it, read fresh each poll.
 *
 * @param maxConcurrent the campaign's own {@code maxConcurrent}
 * @param outboundMaxConcurrent the campaign's outbound cap, or the organization's when unset
 * @param maxCps the campaign's calls per second, or the organization's when unset
 * @param activeSince when it last became active (started or resumed), or null if unknown
 */
record EngineCampaign(
    UUID id,
    UUID organizationId,
    UUID agentId,
    DialingRules rules,
    PhoneLine line,
    int maxConcurrent,
    int outboundMaxConcurrent,
    double maxCps,
    Duration ringTimeout,
    Duration maxDuration,
    Instant activeSince) {

  /** The campaign's own concurrency cap: min of maxConcurrent and outboundMaxConcurrent. */
  int concurrencyCap() {
    return Math.min(maxConcurrent, outboundMaxConcurrent);
  }
}
