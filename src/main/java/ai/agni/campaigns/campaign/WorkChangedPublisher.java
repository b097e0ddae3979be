package ai.agni.campaigns.campaign;

import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes {@link CampaignWorkChanged} once the current transaction has committed, so the dialer
 * never wakes up to look for work it cannot see yet.
 */
@Component
class WorkChangedPublisher {

  private final ApplicationEventPublisher events;

  WorkChangedPublisher(ApplicationEventPublisher events) {
    this.events = events;
  }

  void afterCommit(UUID organizationId, UUID campaignId) {
    CampaignWorkChanged event = new CampaignWorkChanged(organizationId, campaignId);
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      events.publishEvent(event);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            events.publishEvent(event);
          }
        });
  }
}
