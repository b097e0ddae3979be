package ai.agni.campaigns.dialer;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign whose next work has come, as the poll reads it with its queue's head row.
 *
 * @param campaign null when it cannot run: not active, its number released or gone, or its schedule
 *     unreadable
 * @param workSeq the head row's work sequence when read; the poll's plan is written only if it is
 *     unchanged
 * @param lineBlockedUntil its number backs off until then (the trunk could not take calls), or null
 */
record DueCampaign(
    UUID id,
    OrgLimits org,
    EngineCampaign campaign,
    long pending,
    long inProgress,
    long workSeq,
    Instant lineBlockedUntil) {

  UUID organizationId() {
    return org.organizationId();
  }

  boolean runnable() {
    return campaign != null;
  }

  /** Whether its number may not dial at {@code now}. */
  boolean lineBlocked(Instant now) {
    return lineBlockedUntil != null && lineBlockedUntil.isAfter(now);
  }

  boolean nothingLeft() {
    return pending == 0 && inProgress == 0;
  }
}
