package ai.agni.campaigns.dialer;

import java.util.UUID;

/**
 * A campaign whose next work has come, as the poll reads it with its queue's head row.
 *
 * @param campaign null when it cannot run: not active, its number released or gone, or its schedule
 *     unreadable
 * @param workSeq the head row's work sequence when read; the poll's plan is written only if it is
 *     unchanged
 */
record DueCampaign(
    UUID id, OrgLimits org, EngineCampaign campaign, long pending, long inProgress, long workSeq) {

  UUID organizationId() {
    return org.organizationId();
  }

  boolean runnable() {
    return campaign != null;
  }

  boolean nothingLeft() {
    return pending == 0 && inProgress == 0;
  }
}
