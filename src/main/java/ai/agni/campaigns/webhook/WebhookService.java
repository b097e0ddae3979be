package ai.agni.campaigns.webhook;

import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.platform.Ids;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The use cases of the webhook endpoints: the secret, and the organization's deliveries. */
@Service
class WebhookService {

  private final WebhookSecrets secrets;
  private final DeliveryQueries deliveries;
  private final WebhookOutbox outbox;
  private final Clock clock;

  WebhookService(
      WebhookSecrets secrets, DeliveryQueries deliveries, WebhookOutbox outbox, Clock clock) {
    this.secrets = secrets;
    this.deliveries = deliveries;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A page of deliveries, newest first, with the total. */
  record Page(List<DeliveryView> items, long total) {}

  String secret(UUID organizationId) {
    return secrets.current(organizationId);
  }

  String rotate(UUID organizationId) {
    return secrets.rotate(organizationId);
  }

  @Transactional(readOnly = true)
  Page list(UUID organizationId, DeliveryFilter filter, PageParams page) {
    long total = deliveries.count(organizationId, filter);
    List<DeliveryView> items =
        total <= page.offset() ? List.of() : deliveries.list(organizationId, filter, page);
    return new Page(items, total);
  }

  /** Puts a dead delivery back in line, due now; 404 unknown (or another's), 409 not dead. */
  @Transactional
  DeliveryView retry(UUID organizationId, String id) {
    UUID deliveryId = Ids.parseOrNull(id);
    DeliveryView found =
        deliveryId == null ? null : deliveries.find(organizationId, deliveryId).orElse(null);
    if (found == null) {
      throw new NotFoundException("Webhook delivery", id);
    }
    if (!deliveries.requeue(organizationId, deliveryId, clock.instant())) {
      throw new ConflictException(
          "Webhook delivery " + id + " is " + found.status() + "; only a dead one can be retried");
    }
    outbox.wakeAfterCommit();
    return deliveries.find(organizationId, deliveryId).orElseThrow();
  }
}
