package ai.agni.campaigns.telephony.simulated;

import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.telephony.CallEventSink;
import ai.agni.campaigns.telephony.CallRequest;
import ai.agni.campaigns.telephony.CallResult;
import ai.agni.campaigns.telephony.DialPacing;
import ai.agni.campaigns.telephony.TelephonyPort;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The default carrier: no network, outcomes drawn per session from the configured mix, and every
 * step (ringing at placement, answer, hang-up) fired by the {@link TaskTimer} at its instant of the
 * injected clock, so a whole campaign runs in simulated time in tests. Each step schedules the
 * next, so callbacks arrive in order on any timer.
 */
@Component
public class SimulatedCarrier implements TelephonyPort {

  public static final String PROVIDER = "simulated";

  private static final Logger log = LoggerFactory.getLogger(SimulatedCarrier.class);

  private final Clock clock;
  private final TaskTimer timer;
  private final OutcomeMix mix;
  private final long ringMs;
  private final long talkMs;
  private final long seed;

  public SimulatedCarrier(SimulatedProperties properties, Clock clock, TaskTimer timer) {
    this.clock = clock;
    this.timer = timer;
    this.mix = OutcomeMix.parse(properties.outcomes());
    this.ringMs = properties.ringMs();
    this.talkMs = properties.talkMs();
    Long fixed = properties.fixedSeed();
    this.seed = fixed != null ? fixed : new SecureRandom().nextLong();
    if (fixed == null) {
      log.info("simulated carrier seed {} (set AGNI_SIMULATED_SEED to replay)", seed);
    }
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public CompletableFuture<CallResult> placeCall(CallRequest request, CallEventSink events) {
    CompletableFuture<CallResult> result = new CompletableFuture<>();
    DialPacing.whenAdmitted(events, clock, timer, () -> dial(request, events, result));
    return result;
  }

  private void dial(
      CallRequest request, CallEventSink events, CompletableFuture<CallResult> result) {
    Instant placedAt = clock.instant();
    CallPlan plan = CallPlan.draw(seed, request, mix, ringMs, talkMs);
    timer.schedule(
        placedAt,
        () -> {
          notify(events::ringing, placedAt, request);
          if (plan.answered()) {
            timer.schedule(
                plan.answeredAt(placedAt), () -> answer(plan, placedAt, request, events, result));
          } else {
            timer.schedule(plan.endedAt(placedAt), () -> result.complete(plan.result(placedAt)));
          }
        });
  }

  private void answer(
      CallPlan plan,
      Instant placedAt,
      CallRequest request,
      CallEventSink events,
      CompletableFuture<CallResult> result) {
    notify(events::answered, plan.answeredAt(placedAt), request);
    timer.schedule(plan.endedAt(placedAt), () -> result.complete(plan.result(placedAt)));
  }

  /** A failing listener must not stop the call from ending. */
  private static void notify(Consumer<Instant> callback, Instant at, CallRequest request) {
    try {
      callback.accept(at);
    } catch (RuntimeException e) {
      log.warn("call {}: progress listener failed", request.sessionId(), e);
    }
  }
}
