package ai.agni.campaigns.campaign;

import ai.agni.campaigns.organization.OrganizationRulesChanged;
import ai.agni.campaigns.queue.QueueRepository;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an organization's calling hours or frequency caps change, its active campaigns plan again at
 * once (in the same transaction): a campaign parked until the old rules opened may be dialable now.
 */
@Component
class WakeOnOrganizationRules {

  private final QueueRepository queue;
  private final WorkChangedPublisher wake;
  private final Clock clock;

  WakeOnOrganizationRules(QueueRepository queue, WorkChangedPublisher wake, Clock clock) {
    this.queue = queue;
    this.wake = wake;
    this.clock = clock;
  }

  @EventListener
  void on(OrganizationRulesChanged event) {
    UUID org = event.organizationId();
    for (UUID campaign : queue.wakeActive(org, clock.instant())) {
      wake.afterCommit(org, campaign);
    }
  }
}
