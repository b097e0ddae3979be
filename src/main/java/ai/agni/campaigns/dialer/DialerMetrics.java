package ai.agni.campaigns.dialer;

import ai.agni.campaigns.telephony.CallOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The engine's meters: calls placed and finished by outcome, calls this node has live, and the
 * sizes of its batches (contacts claimed per organization and poll, calls placed per transaction,
 * outcomes written per transaction), which say what one statement buys.
 */
@Component
class DialerMetrics {

  private final Counter placed;
  private final Map<CallOutcome, Counter> finished = new EnumMap<>(CallOutcome.class);
  private final AtomicInteger live = new AtomicInteger();
  private final DistributionSummary claimed;
  private final DistributionSummary placedBatch;
  private final DistributionSummary outcomeBatch;
  private final Counter rateWaits;

  DialerMetrics(MeterRegistry registry) {
    this.placed =
        Counter.builder("agni.calls.placed").description("Calls placed").register(registry);
    for (CallOutcome outcome : CallOutcome.values()) {
      finished.put(
          outcome,
          Counter.builder("agni.calls.finished")
              .description("Calls finished, by outcome")
              .tag("outcome", outcome.apiName())
              .register(registry));
    }
    Gauge.builder("agni.calls.live", live, AtomicInteger::get)
        .description("Calls this node has live")
        .register(registry);
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

  void rateWaits(int calls) {
    rateWaits.increment(calls);
  }

  private static DistributionSummary summary(MeterRegistry registry, String name, String help) {
    return DistributionSummary.builder(name).description(help).register(registry);
  }

  void placed() {
    placed.increment();
    live.incrementAndGet();
  }

  void finished(CallOutcome outcome) {
    finished.get(outcome).increment();
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
