package ai.agni.campaigns.dialer;

import ai.agni.campaigns.telephony.CallOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The engine's meters (docs/operations.md lists them with their Prometheus names): calls placed by
 * provider and finished by outcome and provider, calls this node has live, the dial lag (due to
 * dialed) as a histogram, due dials held back by reason, and the sizes of its batches (contacts
 * claimed per organization and poll, calls placed per transaction, outcomes written per
 * transaction), which say what one statement buys.
 */
@Component
class DialerMetrics {

  /** The providers of docs/api.md §9, registered at start so that every series exists at 0. */
  static final List<String> PROVIDERS = List.of("simulated", "sip", "http");

  /** The provider tag of a call whose number is gone (a reaper ended it). */
  static final String UNKNOWN_PROVIDER = "unknown";

  /**
   * The dial lag's service-level buckets: what an operator asks ("within a second?", "within a
   * minute?"), on top of the histogram's own buckets.
   */
  private static final Duration[] LAG_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofHours(1)
  };

  private final MeterRegistry registry;
  private final Map<String, Counter> placedBy = new ConcurrentHashMap<>();
  private final Map<String, Counter> finishedBy = new ConcurrentHashMap<>();
  private final AtomicInteger live = new AtomicInteger();
  private final Timer lag;
  private final Map<HeldBack, Counter> held = new EnumMap<>(HeldBack.class);
  private final DistributionSummary claimed;
  private final DistributionSummary placedBatch;
  private final DistributionSummary outcomeBatch;
  private final Counter rateWaits;

  DialerMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (String provider : PROVIDERS) {
      placedCounter(provider);
      for (CallOutcome outcome : CallOutcome.values()) {
        finishedCounter(outcome, provider);
      }
    }
    Gauge.builder("agni.calls.live", live, AtomicInteger::get)
        .description("Calls this node has live (placed, outcome not yet arrived)")
        .register(registry);
    this.lag =
        Timer.builder("agni.dial.lag")
            .description(
                "Time from when a campaign contact was due (its retry time or when it was added,"
                    + " the window opening, the campaign's activation, whichever is latest) to"
                    + " when its call was placed")
            .publishPercentileHistogram()
            .serviceLevelObjectives(LAG_BUCKETS)
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofHours(1))
            .register(registry);
    for (HeldBack reason : HeldBack.values()) {
      held.put(
          reason,
          Counter.builder("agni.dialer.held.back")
              .description(
                  "Due dials the engine held back, by reason: window (closed before the slot),"
                      + " capacity (a concurrency cap full at a poll), cps (no rate slot at a poll,"
                      + " or a slot that waited for a rate window), frequency_cap, calling_hours")
              .tag("reason", reason.tag())
              .register(registry));
    }
    this.claimed =
        summary(registry, "agni.dialer.claimed", "Attempts claimed per organization, per poll");
    this.placedBatch = summary(registry, "agni.dialer.place.batch", "Calls placed per transaction");
    this.outcomeBatch =
        summary(registry, "agni.dialer.outcome.batch", "Call outcomes written per transaction");
    this.rateWaits =
        Counter.builder("agni.dialer.rate.waits")
            .description(
                "Calls that reached their slot while a calls-per-second window was full, and"
                    + " waited for it")
            .register(registry);
  }

  private Counter placedCounter(String provider) {
    return placedBy.computeIfAbsent(
        provider,
        p ->
            Counter.builder("agni.calls.placed")
                .description("Calls placed (started), by provider")
                .tag("provider", p)
                .register(registry));
  }

  private Counter finishedCounter(CallOutcome outcome, String provider) {
    return finishedBy.computeIfAbsent(
        outcome.apiName() + "/" + provider,
        key ->
            Counter.builder("agni.calls.finished")
                .description("Calls finished, by outcome and provider")
                .tag("outcome", outcome.apiName())
                .tag("provider", provider)
                .register(registry));
  }

  private static String provider(String provider) {
    return provider == null || provider.isBlank() ? UNKNOWN_PROVIDER : provider;
  }

  void rateWaits(int calls) {
    rateWaits.increment(calls);
    heldBack(HeldBack.CPS, calls);
  }

  void heldBack(HeldBack reason, int dials) {
    if (dials > 0) {
      held.get(reason).increment(dials);
    }
  }

  private static DistributionSummary summary(MeterRegistry registry, String name, String help) {
    return DistributionSummary.builder(name).description(help).register(registry);
  }

  void placed(String provider, Duration lagged) {
    placedCounter(provider(provider)).increment();
    live.incrementAndGet();
    if (lagged != null) {
      lag.record(lagged);
    }
  }

  void finished(CallOutcome outcome, String provider) {
    finishedCounter(outcome, provider(provider)).increment();
  }

  void ended() {
    live.decrementAndGet();
  }

  void claimed(int attempts) {
    claimed.record(attempts);
  }

  void placedBatch(int calls) {
    placedBatch.record(calls);
  }

  void outcomeBatch(int outcomes) {
    outcomeBatch.record(outcomes);
  }

  /** "mean / max" of each batch size, for benchmarks. */
  String batchSizes() {
    return "claimed %.1f/%.0f, placed %.1f/%.0f, outcomes %.1f/%.0f"
        .formatted(
            claimed.mean(),
            claimed.max(),
            placedBatch.mean(),
            placedBatch.max(),
            outcomeBatch.mean(),
            outcomeBatch.max());
  }
}
