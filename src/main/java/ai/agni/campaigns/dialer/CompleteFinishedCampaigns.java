package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.OperatorLog;
import ai.agni.campaigns.queue.QueueRepository;
import ai.agni.campaigns.webhook.WebhookEvent;
import ai.agni.campaigns.webhook.WebhookOutbox;
import java.time.Instant;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a running campaign exactly once, when its end has passed or no contact is pending or in
 * a call. The second condition is re-checked from the exact counters under the campaign's row lock,
 * which adding contacts also takes, so a contact added meanwhile keeps it running.
 */
final class CompleteFinishedCampaigns {

  private final TransactionTemplate tx;
  private final EngineCampaignRepository campaigns;
  private final QueueRepository queue;
  private final WebhookOutbox outbox;

  CompleteFinishedCampaigns(
      TransactionTemplate tx,
      EngineCampaignRepository campaigns,
      QueueRepository queue,
      WebhookOutbox outbox) {
    this.tx = tx;
    this.campaigns = campaigns;
    this.queue = queue;
    this.outbox = outbox;
  }

  /** True only for the one caller that completed the campaign. */
  boolean completeIfFinished(UUID organizationId, UUID campaignId, Instant now, boolean ended) {
    Boolean done =
        tx.execute(
            status -> {
              boolean completed =
                  campaigns.lockActive(organizationId, campaignId)
                      && (ended || queue.isFinished(organizationId, campaignId))
                      && campaigns.complete(organizationId, campaignId, now);
              if (completed) {
                outbox.campaignMoved(organizationId, campaignId, WebhookEvent.CAMPAIGN_COMPLETED);
              }
              return completed;
            });
    if (Boolean.TRUE.equals(done)) {
      OperatorLog.campaignChanged(
          organizationId, campaignId, "completed", "engine", ended ? "end_passed" : "all_final");
    }
    return Boolean.TRUE.equals(done);
  }
}
