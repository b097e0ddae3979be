package ai.agni.campaigns.webhook;

import ai.agni.campaigns.platform.OutboundAddressPolicy;
import java.net.InetAddress;
import java.time.Clock;
import org.springframework.context.ApplicationContext;

/**
 * A deliverer for tests of other packages: built from the application's stores on the test's clock,
 * sending on the caller's thread to private targets too (a receiver on 127.0.0.1).
 */
public final class SteppedDeliverer {

  private final WebhookDeliverer deliverer;

  private SteppedDeliverer(WebhookDeliverer deliverer) {
    this.deliverer = deliverer;
  }

  public static SteppedDeliverer of(ApplicationContext context, Clock clock, String node) {
    return new SteppedDeliverer(
        WebhookConfiguration.deliverer(
            context.getBean(WebhookDeliverer.Stores.class),
            clock,
            context.getBean(WebhookSettings.class),
            new OutboundAddressPolicy(true, InetAddress::getAllByName),
            node,
            Runnable::run));
  }

  /**
   * The application's deliverer settings on real threads, as production runs it ({@link
   * DeliveryLoop} with its own workers, woken by this context's outbox), on the context's clock.
   * Close it to stop.
   */
  public static AutoCloseable running(ApplicationContext context, String node) {
    WebhookSettings settings = context.getBean(WebhookSettings.class);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(settings.workers());
    Clock clock = context.getBean(Clock.class);
    WebhookDeliverer deliverer =
        WebhookConfiguration.deliverer(
            context.getBean(WebhookDeliverer.Stores.class),
            clock,
            settings,
            new OutboundAddressPolicy(true, InetAddress::getAllByName),
            node,
            pool);
    DeliveryLoop loop =
        new DeliveryLoop(
            deliverer,
            context.getBean(WebhookOutbox.class).signal(),
            pool,
            clock,
            settings.pollInterval());
    loop.start();
    return loop::stop;
  }

  /** Claims and sends what is due; returns the runs claimed. */
  public int deliverDue() {
    return deliverer.deliverDue();
  }

  /** Steps until a step claims nothing more. */
  public void deliverAll() {
    while (deliverer.deliverDue() > 0) {
      // each run sends up to its length; the next step takes the rest of the stream
    }
  }
}
