package ai.agni.campaigns.telephony.simulated;

import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallRequest;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * How one simulated call goes, decided at placement from a random seeded by the carrier seed and
 * the session id only, so a session replays identically whatever else is dialed around it.
 *
 * @param ring from placement to answer, or to the end of an unanswered call
 * @param answered whether someone (or a mailbox) picked up
 * @param talk from answer to hang-up; zero when not answered
 */
record CallPlan(CallOutcome outcome, Duration ring, boolean answered, Duration talk) {

  /** Used when a request carries no ring timeout. */
  static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);

  /** Mean length of a voicemail greeting plus message. */
  static final Duration VOICEMAIL = Duration.ofSeconds(10);

  /**
   * Durations are drawn uniformly between half and one and a half times their mean. A drawn ring
   * that reaches the ring timeout becomes {@code no_answer}, as a carrier would cancel it; a drawn
   * {@code no_answer} rings exactly until the timeout.
   */
  static CallPlan draw(long seed, CallRequest request, OutcomeMix mix, long ringMs, long talkMs) {
    SplittableRandom random = new SplittableRandom(mix(seed, request));
    // Always draw all three, in this order, so each value depends on the session alone.
    CallOutcome drawn = mix.draw(random.nextDouble());
    Duration ring = around(ringMs, random.nextDouble());
    double talkDraw = random.nextDouble();
    Duration timeout = orDefault(request.ringTimeout(), DEFAULT_RING_TIMEOUT);
    if (drawn == CallOutcome.NO_ANSWER || ring.compareTo(timeout) >= 0) {
      return new CallPlan(CallOutcome.NO_ANSWER, timeout, false, Duration.ZERO);
    }
    return switch (drawn) {
      case COMPLETED -> new CallPlan(drawn, ring, true, capped(around(talkMs, talkDraw), request));
      case VOICEMAIL ->
          new CallPlan(drawn, ring, true, capped(around(VOICEMAIL.toMillis(), talkDraw), request));
      default -> new CallPlan(drawn, ring, false, Duration.ZERO);
    };
  }

  Instant answeredAt(Instant placedAt) {
    return answered ? placedAt.plus(ring) : null;
  }

  Instant endedAt(Instant placedAt) {
    return placedAt.plus(ring).plus(talk);
  }

  CallResult result(Instant placedAt) {
    return new CallResult(
        outcome,
        reason(outcome),
        outcome != CallOutcome.COMPLETED,
        answeredAt(placedAt),
        endedAt(placedAt));
  }

  /** The disconnect reasons the simulated carrier reports. */
  static String reason(CallOutcome outcome) {
    return switch (outcome) {
      case COMPLETED -> "hangup";
      case NO_ANSWER -> "no_answer";
      case BUSY -> "busy";
      case VOICEMAIL -> "voicemail";
      case FAILED -> "carrier_error";
    };
  }

  private static Duration around(long meanMs, double uniform) {
    return Duration.ofMillis(Math.round(meanMs * (0.5 + uniform)));
  }

  private static Duration capped(Duration talk, CallRequest request) {
    Duration max = request.maxDuration();
    return max != null && talk.compareTo(max) > 0 ? max : talk;
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value != null ? value : fallback;
  }

  /** Spreads (seed, session id) over all 64 bits so neighbouring ids give unrelated draws. */
  private static long mix(long seed, CallRequest request) {
    long h = stafford(seed ^ 0x9E3779B97F4A7C15L);
    h = stafford(h ^ request.sessionId().getMostSignificantBits());
    return stafford(h ^ request.sessionId().getLeastSignificantBits());
  }

  private static long stafford(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
