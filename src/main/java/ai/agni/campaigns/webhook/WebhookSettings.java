package ai.agni.campaigns.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code agni.webhooks.*}.
 *
 * @param enabled whether this process delivers on threads of its own (tests step a deliverer
 *     instead); the outbox is written either way
 * @param timeout how long a receiver has to answer with a 2xx ({@code AGNI_WEBHOOK_TIMEOUT},
 *     default 30 s, docs/api.md §8)
 * @param pollInterval the safety-net poll when nothing wakes the deliverer (rows written on other
 *     nodes, retries coming due); default 2 s
 * @param workers deliveries sent at once by this node (one stream each); default 4
 * @param runLength the most deliveries of one stream one claim takes, sent one after another in
 *     sequence order; default 100
 * @param lease how long a claim holds its deliveries before another node may take them; renewed
 *     while a run goes on; default 4 x the timeout, at least 1 min
 */
@ConfigurationProperties("agni.webhooks")
public record WebhookSettings(
    Boolean enabled,
    Duration timeout,
    Duration pollInterval,
    int workers,
    int runLength,
    Duration lease) {

  public WebhookSettings {
    enabled = enabled == null || enabled;
    timeout =
        timeout == null || timeout.isNegative() || timeout.isZero()
            ? Duration.ofSeconds(30)
            : timeout;
    pollInterval =
        pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()
            ? Duration.ofSeconds(2)
            : pollInterval;
    workers = workers <= 0 ? 4 : workers;
    runLength = runLength <= 0 ? 100 : runLength;
    if (lease == null || lease.isNegative() || lease.isZero()) {
      Duration four = timeout.multipliedBy(4);
      lease = four.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : four;
    }
  }

  /** The defaults. */
  public static WebhookSettings defaults() {
    return new WebhookSettings(null, null, null, 0, 0, null);
  }

  /** These settings with another timeout (and the lease that follows from it unless set). */
  public WebhookSettings withTimeout(Duration value) {
    return new WebhookSettings(enabled, value, pollInterval, workers, runLength, null);
  }
}
