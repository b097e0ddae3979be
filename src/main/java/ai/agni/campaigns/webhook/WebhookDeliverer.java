package ai.agni.campaigns.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steppable core of delivery: {@link #deliverDue} claims as many runs as this node has free
 * workers (one transaction) and hands each to a worker, which sends its deliveries one after
 * another in sequence order and writes each result at once. A failure stops the run (the rest of
 * its stream waits behind it); a 2xx is never sent again by this node. Runs on the engine's clock;
 * tests use a direct executor and a settable clock and step it, production runs it in {@link
 * DeliveryLoop}.
 */
final class WebhookDeliverer {

  private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

  /** The stores a deliverer writes (wiring only). */
  record Stores(
      TransactionTemplate tx,
      DeliveryRepository deliveries,
      WebhookSecrets secrets,
      WebhookMetrics metrics) {}

  private final Stores stores;
  private final WebhookSender sender;
  private final Clock clock;
  private final WebhookSettings settings;
  private final String node;
  private final Executor workers;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<UUID> busyScopes = ConcurrentHashMap.newKeySet();
  private volatile Runnable onRunDone = () -> {};

  WebhookDeliverer(
      Stores stores,
      WebhookSender sender,
      Clock clock,
      WebhookSettings settings,
      String node,
      Executor workers) {
    this.stores = stores;
    this.sender = sender;
    this.clock = clock;
    this.settings = settings;
    this.node = node;
    this.workers = workers;
  }

  String node() {
    return node;
  }

  /** Called whenever a run ends (a worker is free, and its stream may have more). */
  void onRunDone(Runnable listener) {
    this.onRunDone = listener;
  }

  /** Runs being sent now. */
  int inFlight() {
    return inFlight.get();
  }

  /**
   * Whether this node is sending a stream of every one of these scopes now: its worker goes on into
   * rows written meanwhile, so a claim would find nothing new for them.
   */
  boolean sendingAll(Collection<UUID> scopes) {
    return !scopes.isEmpty() && busyScopes.containsAll(scopes);
  }

  /** Gives back the leases of this node's previous life (at start). */
  int releaseOwn() {
    return stores.deliveries().releaseAll(node);
  }

  /** The earliest retry still to come, for the loop's sleep. */
  Optional<Instant> nextRetryAt() {
    return stores.deliveries().nextRetryAfter(clock.instant());
  }

  /** Claims runs for the free workers and starts them; returns how many it claimed. */
  int deliverDue() {
    int free = settings.workers() - inFlight.get();
    if (free <= 0) {
      return 0;
    }
    Instant now = clock.instant();
    List<DeliveryRepository.Run> runs;
    try {
      runs =
          stores
              .tx()
              .execute(
                  s ->
                      stores
                          .deliveries()
                          .claim(
                              node, now, now.plus(settings.lease()), free, settings.runLength()));
    } catch (ConcurrencyFailureException e) {
      // why not an error: two claims at once on H2 (no SKIP LOCKED) can deadlock on the streams'
      // head rows; the loser's transaction is rolled back whole, so it leased nothing, and the next
      // poll claims again.
      log.debug(
          "Claiming webhook deliveries lost a lock race; claiming again later: {}", e.toString());
      return 0;
    }
    if (runs == null) {
      return 0;
    }
    for (DeliveryRepository.Run run : runs) {
      if (run.items().isEmpty()) {
        continue; // its lease moved on between the claim and the read: nothing of ours to send
      }
      inFlight.incrementAndGet();
      busyScopes.add(run.scopeId());
      try {
        workers.execute(() -> runAndCount(run));
      } catch (RejectedExecutionException e) {
        // Only at shutdown: the leases go back for another node or the next start.
        inFlight.decrementAndGet();
        busyScopes.remove(run.scopeId());
        stores.deliveries().release(ids(run.items(), 0), node);
      }
    }
    return runs.size();
  }

  /**
   * Sends the run, then the next run of the same stream, for as long as runs come back full and
   * delivered: so draining a backlog costs no claim queries. why the next run is leased before the
   * last delivery of this one is marked: the stream then never has an unleased head that a claim of
   * another thread or node could take in between.
   */
  private void runAndCount(DeliveryRepository.Run first) {
    DeliveryRepository.Run run = first;
    try {
      while (run != null) {
        run = deliver(run);
      }
    } catch (RuntimeException e) {
      log.warn(
          "Delivering webhooks to {} (organization {}, campaign {}) stopped: {}; the leased"
              + " deliveries are tried again when their lease expires",
          run.url(),
          run.organizationId(),
          run.campaignId(),
          e.toString());
    } finally {
      // why no count per scope: two streams of one scope (two URLs) may run at once; the set is
      // only a hint that saves a claim, and a wrong "not busy" costs one claim.
      busyScopes.remove(first.scopeId());
      inFlight.decrementAndGet();
      onRunDone.run();
    }
  }

  /** Sends the run in order; returns the stream's next run when this one was full and went out. */
  private DeliveryRepository.Run deliver(DeliveryRepository.Run run) {
    List<DeliveryRepository.Claimed> items = run.items();
    List<String> secrets;
    try {
      secrets = stores.secrets().signing(run.organizationId(), clock.instant());
    } catch (RuntimeException e) {
      failed(run, items.get(0), new WebhookSender.Answer(null, "signing secret unreadable"));
      stores.deliveries().release(ids(items, 1), node);
      return null;
    }
    Instant leaseEnd = run.until();
    Duration margin = settings.timeout().plusSeconds(10);
    DeliveryRepository.Run next = null;
    for (int i = 0; i < items.size(); i++) {
      DeliveryRepository.Claimed d = items.get(i);
      Instant now = clock.instant();
      if (Duration.between(now, leaseEnd).compareTo(margin) < 0) {
        leaseEnd = now.plus(settings.lease());
        stores.deliveries().renew(ids(items, i), node, leaseEnd);
      }
      if (i == items.size() - 1 && items.size() >= settings.runLength()) {
        next = following(run, d, now);
      }
      WebhookSender.Answer answer =
          sender.send(run.url(), d.eventId(), d.body(), secrets, now.getEpochSecond());
      if (answer.delivered()) {
        stores.deliveries().delivered(d.id(), answer.statusCode(), clock.instant());
        stores.metrics().delivered();
        continue;
      }
      if (next != null) {
        stores.deliveries().release(ids(next.items(), 0), node);
      }
      if (Thread.currentThread().isInterrupted()) {
        // why not a failed try: the node is shutting down, not the receiver failing.
        stores.deliveries().release(ids(items, i), node);
        return null;
      }
      failed(run, d, answer);
      stores.deliveries().release(ids(items, i + 1), node);
      return null;
    }
    return next;
  }

  /** Leases the stream's next run behind {@code last}, or null when there is none now. */
  private DeliveryRepository.Run following(
      DeliveryRepository.Run run, DeliveryRepository.Claimed last, Instant now) {
    return stores
        .deliveries()
        .continueRun(
            node,
            now,
            now.plus(settings.lease()),
            run.scopeId(),
            run.url(),
            run.items().get(0).sequence(),
            last.sequence(),
            settings.runLength())
        .orElse(null);
  }

  /** Records a failed try: retried per the schedule, or dead after the last. */
  private void failed(
      DeliveryRepository.Run run, DeliveryRepository.Claimed d, WebhookSender.Answer answer) {
    int tries = d.attempts() + 1;
    Instant next = RetrySchedule.nextAttemptAt(tries, clock.instant());
    if (!stores.deliveries().failed(d.id(), node, answer.statusCode(), answer.error(), next)) {
      log.debug("Delivery {} moved on meanwhile (lease lost); lost the race", d.id());
      return;
    }
    if (next == null) {
      stores.metrics().dead();
      log.warn(
          "Webhook delivery {} is dead after {} tries: {} of event {} (organization {}, campaign"
              + " {}) to {}: {}",
          d.id(),
          tries,
          d.event(),
          d.eventId(),
          run.organizationId(),
          run.campaignId(),
          run.url(),
          answer.error());
    } else {
      stores.metrics().failed();
      log.info(
          "Webhook delivery {} failed (try {}): {} of event {} (organization {}, campaign {}) to"
              + " {}: {}; next try at {}",
          d.id(),
          tries,
          d.event(),
          d.eventId(),
          run.organizationId(),
          run.campaignId(),
          run.url(),
          answer.error(),
          next);
    }
  }

  private static List<UUID> ids(List<DeliveryRepository.Claimed> items, int from) {
    return items.subList(Math.min(from, items.size()), items.size()).stream()
        .map(DeliveryRepository.Claimed::id)
        .toList();
  }
}
