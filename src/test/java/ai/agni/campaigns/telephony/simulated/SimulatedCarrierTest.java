package ai.agni.campaigns.telephony.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.agni.campaigns.telephony.CallEventSink;
import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallRequest;
import ai.agni.campaigns.telephony.CallResult;
import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The simulated carrier on a stepped clock: determinism, mix, timing and callback order. */
class SimulatedCarrierTest {

  private static final Instant T0 = Instant.parse("2026-03-16T09:00:00Z");
  private static final Duration RING_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration MAX_DURATION = Duration.ofMinutes(10);

  private final MutableClock clock = new MutableClock(T0);
  private final ManualTaskTimer timer = new ManualTaskTimer();

  @Test
  void sameSeedAndSessionGiveTheSameCallWhateverTheOrder() {
    List<UUID> sessions = sessions(200, 1);
    Map<UUID, CallResult> forward = runAll(carrier(SimulatedProperties.withSeed(7)), sessions);
    List<UUID> reversed = new ArrayList<>(sessions);
    Collections.reverse(reversed);
    clock.set(T0);
    Map<UUID, CallResult> backward = runAll(carrier(SimulatedProperties.withSeed(7)), reversed);

    assertThat(backward).isEqualTo(forward);
    clock.set(T0);
    Map<UUID, CallResult> otherSeed = runAll(carrier(SimulatedProperties.withSeed(8)), sessions);
    assertThat(otherSeed).isNotEqualTo(forward);
  }

  @Test
  void outcomeFrequenciesFollowTheConfiguredMix() {
    Map<UUID, CallResult> results =
        runAll(carrier(SimulatedProperties.withSeed(42)), sessions(10_000, 2));

    Map<CallOutcome, Integer> counts = new EnumMap<>(CallOutcome.class);
    results.values().forEach(result -> counts.merge(result.outcome(), 1, Integer::sum));
    // Four standard deviations of a 10,000-call sample at most.
    assertThat(share(counts, CallOutcome.COMPLETED)).isCloseTo(0.60, within(0.02));
    assertThat(share(counts, CallOutcome.NO_ANSWER)).isCloseTo(0.20, within(0.016));
    assertThat(share(counts, CallOutcome.BUSY)).isCloseTo(0.10, within(0.012));
    assertThat(share(counts, CallOutcome.VOICEMAIL)).isCloseTo(0.05, within(0.009));
    assertThat(share(counts, CallOutcome.FAILED)).isCloseTo(0.05, within(0.009));
  }

  @Test
  void aMixWithoutSomeOutcomesNeverProducesThem() {
    SimulatedProperties busyOnly = new SimulatedProperties("busy:3,failed:1", 3000L, 20000L, "1");
    Map<UUID, CallResult> results = runAll(carrier(busyOnly), sessions(2000, 3));
    assertThat(results.values())
        .extracting(CallResult::outcome)
        .containsOnly(CallOutcome.BUSY, CallOutcome.FAILED);
  }

  @Test
  void ringAndTalkTimesStayAroundTheirMeans() {
    Map<UUID, CallResult> results =
        runAll(carrier(SimulatedProperties.withSeed(3)), sessions(2000, 4));

    for (CallResult result : results.values()) {
      switch (result.outcome()) {
        case COMPLETED -> {
          assertBetween(Duration.between(T0, result.answeredAt()), 1500, 4500);
          assertBetween(Duration.between(result.answeredAt(), result.endedAt()), 10_000, 30_000);
        }
        case VOICEMAIL -> {
          assertBetween(Duration.between(T0, result.answeredAt()), 1500, 4500);
          assertBetween(Duration.between(result.answeredAt(), result.endedAt()), 5000, 15_000);
        }
        case BUSY, FAILED -> {
          assertThat(result.answeredAt()).isNull();
          assertBetween(Duration.between(T0, result.endedAt()), 1500, 4500);
        }
        case NO_ANSWER -> assertThat(result.endedAt()).isEqualTo(T0.plus(RING_TIMEOUT));
      }
    }
  }

  @Test
  void reasonsAndRetryabilityFollowTheOutcome() {
    Map<UUID, CallResult> results =
        runAll(carrier(SimulatedProperties.withSeed(5)), sessions(1000, 5));
    Map<CallOutcome, String> reasons =
        Map.of(
            CallOutcome.COMPLETED, "hangup",
            CallOutcome.NO_ANSWER, "no_answer",
            CallOutcome.BUSY, "busy",
            CallOutcome.VOICEMAIL, "voicemail",
            CallOutcome.FAILED, "carrier_error");
    assertThat(results.values()).extracting(CallResult::outcome).contains(CallOutcome.values());
    for (CallResult result : results.values()) {
      assertThat(result.reason()).isEqualTo(reasons.get(result.outcome()));
      assertThat(result.retryable()).isEqualTo(result.outcome() != CallOutcome.COMPLETED);
    }
  }

  @Test
  void noAnswerRingsExactlyUntilTheRequestsTimeout() {
    SimulatedProperties noAnswer = new SimulatedProperties("no_answer:1", 3000L, 20000L, "1");
    SimulatedCarrier carrier = carrier(noAnswer);
    Duration timeout = Duration.ofMillis(17_250);
    CompletableFuture<CallResult> call =
        carrier.placeCall(request(UUID.randomUUID(), timeout, MAX_DURATION), CallEventSink.NONE);

    timer.runUntil(clock, T0.plus(timeout).minusMillis(1));
    assertThat(call).isNotDone();
    timer.runUntil(clock, T0.plus(timeout));

    assertThat(call.join())
        .isEqualTo(
            new CallResult(CallOutcome.NO_ANSWER, "no_answer", true, null, T0.plus(timeout)));
  }

  @Test
  void aRingThatReachesTheTimeoutBecomesNoAnswer() {
    SimulatedProperties slow = new SimulatedProperties("completed:1", 3000L, 20000L, "9");
    Duration timeout = Duration.ofMillis(3000);
    List<CallResult> results = new ArrayList<>();
    SimulatedCarrier carrier = carrier(slow);
    for (UUID session : sessions(500, 6)) {
      carrier
          .placeCall(request(session, timeout, MAX_DURATION), CallEventSink.NONE)
          .thenAccept(results::add);
    }
    timer.runUntil(clock, T0.plus(Duration.ofHours(1)));

    assertThat(results).hasSize(500);
    assertThat(results).extracting(CallResult::outcome).contains(CallOutcome.NO_ANSWER);
    for (CallResult result : results) {
      if (result.outcome() == CallOutcome.COMPLETED) {
        assertThat(Duration.between(T0, result.answeredAt())).isLessThan(timeout);
      } else {
        assertThat(result.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(result.endedAt()).isEqualTo(T0.plus(timeout));
      }
    }
  }

  @Test
  void answeredCallsAreCutAtMaxDuration() {
    SimulatedProperties talkative = new SimulatedProperties("completed:1", 3000L, 20000L, "2");
    Duration max = Duration.ofSeconds(5);
    List<CallResult> results = new ArrayList<>();
    SimulatedCarrier carrier = carrier(talkative);
    for (UUID session : sessions(200, 7)) {
      carrier
          .placeCall(request(session, RING_TIMEOUT, max), CallEventSink.NONE)
          .thenAccept(results::add);
    }
    timer.runUntil(clock, T0.plus(Duration.ofHours(1)));

    assertThat(results).hasSize(200);
    assertThat(results)
        .allSatisfy(
            result ->
                assertThat(Duration.between(result.answeredAt(), result.endedAt())).isEqualTo(max));
  }

  @Test
  void ringingThenAnsweredThenTheEndEachAtItsInstant() {
    SimulatedProperties answered = new SimulatedProperties("completed:1", 3000L, 20000L, "4");
    List<String> events = new ArrayList<>();
    CallEventSink sink =
        new CallEventSink() {
          @Override
          public void ringing(Instant at) {
            events.add("ringing " + at + " clock " + clock.instant());
          }

          @Override
          public void answered(Instant at) {
            events.add("answered " + at + " clock " + clock.instant());
          }
        };
    CompletableFuture<CallResult> call =
        carrier(answered).placeCall(request(UUID.randomUUID(), RING_TIMEOUT, MAX_DURATION), sink);
    call.thenAccept(
        result -> events.add("ended " + result.endedAt() + " clock " + clock.instant()));

    assertThat(call).isNotDone();
    timer.runUntil(clock, T0.plus(Duration.ofMinutes(5)));

    CallResult result = call.join();
    assertThat(events)
        .containsExactly(
            "ringing " + T0 + " clock " + T0,
            "answered " + result.answeredAt() + " clock " + result.answeredAt(),
            "ended " + result.endedAt() + " clock " + result.endedAt());
    assertThat(timer.pending()).isZero();
  }

  @Test
  void aFailingListenerDoesNotStopTheCall() {
    CallEventSink broken =
        new CallEventSink() {
          @Override
          public void ringing(Instant at) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void answered(Instant at) {
            throw new IllegalStateException("listener bug");
          }
        };
    CompletableFuture<CallResult> call =
        carrier(SimulatedProperties.withSeed(1))
            .placeCall(request(UUID.randomUUID(), RING_TIMEOUT, MAX_DURATION), broken);
    timer.runUntil(clock, T0.plus(Duration.ofMinutes(5)));
    assertThat(call).isDone();
  }

  @Test
  void reportsItsProviderName() {
    assertThat(carrier(SimulatedProperties.withSeed(1)).provider()).isEqualTo("simulated");
  }

  private SimulatedCarrier carrier(SimulatedProperties properties) {
    return new SimulatedCarrier(properties, clock, timer);
  }

  private Map<UUID, CallResult> runAll(SimulatedCarrier carrier, List<UUID> sessions) {
    Map<UUID, CallResult> results = new HashMap<>();
    for (UUID session : sessions) {
      carrier
          .placeCall(request(session, RING_TIMEOUT, MAX_DURATION), CallEventSink.NONE)
          .thenAccept(result -> results.put(session, result));
    }
    timer.runUntil(clock, T0.plus(Duration.ofHours(1)));
    assertThat(results).hasSize(sessions.size());
    return results;
  }

  private static List<UUID> sessions(int count, long seed) {
    Random random = new Random(seed);
    List<UUID> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sessions.add(new UUID(random.nextLong(), random.nextLong()));
    }
    return sessions;
  }

  private static CallRequest request(UUID session, Duration ringTimeout, Duration maxDuration) {
    return new CallRequest(
        session,
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "+14155550100",
        "+14155550123",
        ringTimeout,
        maxDuration,
        Map.of(),
        Map.of());
  }

  private static double share(Map<CallOutcome, Integer> counts, CallOutcome outcome) {
    return counts.getOrDefault(outcome, 0)
        / (double) counts.values().stream().mapToInt(i -> i).sum();
  }

  private static void assertBetween(Duration duration, long minMs, long maxMs) {
    assertThat(duration.toMillis()).isBetween(minMs, maxMs);
  }
}
