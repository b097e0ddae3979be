package ai.agni.campaigns.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Webhook metrics (docs/api.md §13): deliveries by result, and the outbox depth (pending deliveries
 * over all organizations), read from the database at most every {@link #DEPTH_EVERY} so a scrape
 * costs nothing most of the time.
 */
@Component
class WebhookMetrics {

  static final Duration DEPTH_EVERY = Duration.ofSeconds(5);

  private final Counter delivered;
  private final Counter failed;
  private final Counter dead;
  private final DeliveryRepository deliveries;
  private final Clock clock;
  private Instant depthReadAt;
  private double depth;

  WebhookMetrics(MeterRegistry registry, DeliveryRepository deliveries, Clock clock) {
    this.deliveries = deliveries;
    this.clock = clock;
    this.delivered = counter(registry, "delivered");
    this.failed = counter(registry, "failed");
    this.dead = counter(registry, "dead");
    Gauge.builder("agni.webhook.outbox.depth", this, WebhookMetrics::depth)
        .description("Webhook deliveries pending (waiting, being sent or waiting for a retry)")
        .register(registry);
  }

  private static Counter counter(MeterRegistry registry, String result) {
    return Counter.builder("agni.webhook.deliveries")
        .description(
            "Webhook delivery tries by result: delivered (a 2xx), failed (retried later), dead"
                + " (the last retry failed)")
        .tag("result", result)
        .register(registry);
  }

  void delivered() {
    delivered.increment();
  }

  void failed() {
    failed.increment();
  }

  void dead() {
    dead.increment();
  }

  synchronized double depth() {
    Instant now = clock.instant();
    if (depthReadAt == null || !now.isBefore(depthReadAt.plus(DEPTH_EVERY))) {
      depthReadAt = now;
      try {
        depth = deliveries.pendingCount();
      } catch (RuntimeException e) {
        // why keep the last value: a scrape during a database outage must not fail.
      }
    }
    return depth;
  }
}
