package ai.agni.campaigns.dialer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One claimed call attempt, committed as a {@code live_calls} row and waiting for its slot.
 *
 * @param slot the instant the calls-per-second buckets reserved for its start
 * @param leaseUntil after this the attempt is settled by the reaper, whatever its node says
 * @param rates the calls-per-second buckets it uses (key to rate), paced again when it leaves
 */
record ClaimedAttempt(
    UUID sessionId,
    UUID organizationId,
    UUID agentId,
    PhoneLine line,
    int attempt,
    String to,
    Map<String, String> variables,
    Instant slot,
    Instant leaseUntil,
    Duration ringTimeout,
    Duration maxDuration,
    AttemptOrigin origin,
    Map<String, Double> rates) {

  /** This attempt at another slot (a rate window refused it at its first one). */
  ClaimedAttempt withSlot(Instant at) {
    return new ClaimedAttempt(
        sessionId,
        organizationId,
        agentId,
        line,
        attempt,
        to,
        variables,
        at,
        leaseUntil,
        ringTimeout,
        maxDuration,
        origin,
        rates);
  }

  LiveAttempt live() {
    return new LiveAttempt(sessionId, organizationId, attempt, origin, line.id());
  }
}
