package ai.agni.campaigns.campaign;

import ai.agni.campaigns.organization.OrganizationRepository;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.queue.QueueEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a page of a campaign's queue into API items, with why each pending contact waits ({@link
 * WaitingFor}). The campaign's load is read once per page, and only when some contact on it is due
 * in an open window of an active campaign.
 */
@Component
class CampaignContactViews {

  private final CampaignLoadRepository load;
  private final OrganizationRepository organizations;
  private final Clock clock;

  CampaignContactViews(
      CampaignLoadRepository load, OrganizationRepository organizations, Clock clock) {
    this.load = load;
    this.organizations = organizations;
    this.clock = clock;
  }

  List<CampaignContactView> of(Campaign campaign, List<QueueEntry> entries) {
    Instant now = clock.instant();
    boolean active = campaign.status() == CampaignStatus.ACTIVE;
    WaitingFor.CampaignNow state =
        new WaitingFor.CampaignNow(
            active, active && campaign.schedule().windowStatus(now).open(), now);
    boolean anyDue =
        entries.stream()
            .anyMatch(e -> WaitingFor.needsCapacity(e.state(), e.nextAttemptAt(), state));
    boolean full = anyDue && full(campaign, now);
    return entries.stream()
        .map(e -> view(e, WaitingFor.of(e.state(), e.nextAttemptAt(), state, full)))
        .toList();
  }

  private boolean full(Campaign campaign, Instant now) {
    return organizations
        .find(campaign.organizationId())
        .map(org -> load.full(campaign, org, now))
        .orElse(false);
  }

  private static CampaignContactView view(QueueEntry e, WaitingFor waiting) {
    return new CampaignContactView(
        e.contactId().toString(),
        e.firstName(),
        e.lastName(),
        e.email(),
        e.phone(),
        e.state().wire(),
        e.attempts(),
        e.lastOutcome(),
        e.lastReason(),
        Times.iso(e.nextAttemptAt()),
        waiting == null ? null : waiting.wire(),
        e.lastDurationSec(),
        Times.iso(e.updatedAt()));
  }
}
