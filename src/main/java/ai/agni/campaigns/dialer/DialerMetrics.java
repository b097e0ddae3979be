package ai.agni.campaigns.dialer;

import ai.agni.campaigns.telephony.CallOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The engine's meters: {@code agni.calls.placed}, {@code agni.calls.finished} by outcome, and the
 * gauge {@code agni.calls.live} (calls this node has in flight).
 */
@Component
class DialerMetrics {

  private final Counter placed;
  private final Map<CallOutcome, Counter> finished = new EnumMap<>(CallOutcome.class);
  private final AtomicInteger live = new AtomicInteger();

  DialerMetrics(MeterRegistry registry) {
    this.placed = registry.counter("agni.calls.placed");
    for (CallOutcome outcome : CallOutcome.values()) {
      finished.put(outcome, registry.counter("agni.calls.finished", "outcome", outcome.apiName()));
    }
    registry.gauge("agni.calls.live", live);
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
}
