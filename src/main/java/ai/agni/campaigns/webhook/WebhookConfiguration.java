package ai.agni.campaigns.webhook;

import ai.agni.campaigns.platform.OutboundAddressPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires delivery: the steppable deliverer, and, unless {@code agni.webhooks.enabled} is false, the
 * loop and worker threads that run it (the outbox is written either way).
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

  @Bean
  WebhookDeliverer.Stores webhookStores(
      TransactionTemplate tx,
      DeliveryRepository deliveries,
      WebhookSecrets secrets,
      WebhookMetrics metrics) {
    return new WebhookDeliverer.Stores(tx, deliveries, secrets, metrics);
  }

  /**
   * The worker threads. why a holder and not an executor bean: an {@code Executor} bean would
   * replace Spring Boot's application task executor.
   */
  record Workers(ExecutorService pool) implements DisposableBean {
    @Override
    public void destroy() {
      pool.shutdownNow();
    }
  }

  @Bean
  Workers webhookWorkers(WebhookSettings settings) {
    AtomicInteger count = new AtomicInteger();
    return new Workers(
        Executors.newFixedThreadPool(
            settings.workers(),
            task -> {
              Thread thread = new Thread(task, "agni-webhook-worker-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }));
  }

  @Bean
  WebhookDeliverer webhookDeliverer(
      WebhookDeliverer.Stores stores,
      Clock clock,
      WebhookSettings settings,
      OutboundAddressPolicy policy,
      Workers webhookWorkers,
      Environment env) {
    String node = nodeId(env.getProperty("agni.dialer.node-id"), env.getProperty("server.port"));
    return deliverer(stores, clock, settings, policy, node, webhookWorkers.pool());
  }

  /** One deliverer: its node id, clock, settings and workers (tests build their own). */
  static WebhookDeliverer deliverer(
      WebhookDeliverer.Stores stores,
      Clock clock,
      WebhookSettings settings,
      OutboundAddressPolicy policy,
      String node,
      Executor workers) {
    WebhookSender sender =
        new WebhookSender(WebhookSender.httpClient(settings.timeout()), policy, settings.timeout());
    return new WebhookDeliverer(stores, sender, clock, settings, node, workers);
  }

  @Bean
  @ConditionalOnProperty(
      name = "agni.webhooks.enabled",
      havingValue = "true",
      matchIfMissing = true)
  DeliveryLoop webhookDeliveryLoop(
      WebhookDeliverer deliverer,
      WebhookOutbox outbox,
      Workers webhookWorkers,
      Clock clock,
      WebhookSettings settings) {
    return new DeliveryLoop(
        deliverer, outbox.signal(), webhookWorkers.pool(), clock, settings.pollInterval());
  }

  /**
   * The engine's node id ({@code AGNI_NODE_ID}) when set, else {@code host:port}; a random port (0)
   * gets a random suffix. Leases of deliveries name it, and a restart gives its own back.
   */
  static String nodeId(String configured, String port) {
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String p = port == null || port.isBlank() ? "8080" : port.trim();
    return p.equals("0") ? host + ":0-" + UUID.randomUUID() : host + ":" + p;
  }
}
