package ai.agni.campaigns.campaign;

import ai.agni.campaigns.campaign.schedule.CalleeZones;
import ai.agni.campaigns.campaign.schedule.LocalRules;
import ai.agni.campaigns.organization.OrganizationRepository;
import ai.agni.campaigns.organization.OrganizationRules;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.queue.QueueEntry;
import ai.agni.campaigns.queue.QueueState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
    WaitingFor.CampaignNow state = new WaitingFor.CampaignNow(active, now);
    LocalRules rules = active ? rules(campaign) : null;
    List<WaitingFor.ContactNow> contacts =
        entries.stream().map(e -> contactNow(e, rules, now)).toList();
    boolean anyDue = contacts.stream().anyMatch(c -> WaitingFor.needsCapacity(c, state));
    boolean full = anyDue && full(campaign, now);
    List<CampaignContactView> views = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      views.add(view(entries.get(i), WaitingFor.of(contacts.get(i), state, full)));
    }
    return views;
  }

  /** The campaign's time rules with its organization's calling hours; null if unreadable. */
  private LocalRules rules(Campaign campaign) {
    OrganizationRules.CallingHours hours =
        organizations.rules(campaign.organizationId()).callingHours();
    return campaign
        .schedule()
        .localRules(hours == null ? null : LocalRules.callingHours(hours.start(), hours.end()));
  }

  /** The contact's side of its wait; a schedule that cannot be read shows the window closed. */
  private static WaitingFor.ContactNow contactNow(QueueEntry e, LocalRules rules, Instant now) {
    WaitingFor closedBy = null;
    if (e.state() == QueueState.PENDING) {
      if (rules == null) {
        closedBy = WaitingFor.WINDOW;
      } else {
        closedBy =
            rules
                .blocking(CalleeZones.parse(e.zoneKey()), now)
                .map(
                    rule ->
                        rule == LocalRules.Rule.CALLING_HOURS
                            ? WaitingFor.CALLING_HOURS
                            : WaitingFor.WINDOW)
                .orElse(null);
      }
    }
    return new WaitingFor.ContactNow(e.state(), e.nextAttemptAt(), e.waitReason(), closedBy);
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
