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
 * @param due since when a campaign contact was due by its row and its campaign (the latest of its
 *     retry time or, for a first attempt, when it was added; the campaign's last activation; the
 *     schedule's start), or null when not measured (single calls)
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
    Map<String, Double> rates,
    Instant due) {

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
        rates,
        due);
  }

  /**
   * How long after it was due this attempt is placed at {@code placedAt}, for the dial lag metric:
   * due is {@link #due} or the opening of the window it is placed in, whichever is later. Null when
   * not measured.
   */
  Duration lagAt(Instant placedAt) {
    if (due == null || !(origin instanceof AttemptOrigin.CampaignContact c)) {
      return null;
    }
    Instant from = due;
    Instant opened = c.rules() == null ? null : c.rules().openedAt(placedAt);
    if (opened != null && opened.isAfter(from)) {
      from = opened;
    }
    return from.isAfter(placedAt) ? Duration.ZERO : Duration.between(from, placedAt);
  }

  LiveAttempt live() {
    return new LiveAttempt(sessionId, organizationId, attempt, origin, line.id(), line.provider());
  }
}
