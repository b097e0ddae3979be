package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.queue.QueueState;
import ai.agni.campaigns.queue.Settlement;
import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Decides what a finished attempt means for its contact (docs/api.md §6.8, "Outcomes and retries")
 * and hands the writes to {@link AttemptOperations}; it never writes SQL itself. Retry settings and
 * window are read fresh, so a change applies to the next decision.
 *
 * <p>Outcomes (and answered marks) that arrive together are written together, in one transaction,
 * on the executor for writes ({@link GroupCommit}), never on the carrier's thread in production. An
 * outcome that cannot be written (the database is down) is kept and written when it answers again,
 * exactly once: the write removes the call's live row first, and a second write finds none.
 */
final class OutcomeRecorder {

  /** The most outcomes written by one transaction. */
  static final int MAX_BATCH = 500;

  private record Finished(LiveAttempt attempt, CallResult result) {}

  private record Answer(UUID sessionId, Instant at) {}

  private final AttemptOperations operations;
  private final EngineCampaignRepository campaigns;
  private final DialerMetrics metrics;
  private final Clock clock;
  private final GroupCommit<Finished> outcomes;
  private final GroupCommit<Answer> answers;
  private final EngineSignal capacityFreed;

  OutcomeRecorder(
      AttemptOperations operations,
      EngineCampaignRepository campaigns,
      DialerMetrics metrics,
      Clock clock,
      Executor writes,
      TaskTimer timer,
      EngineSignal capacityFreed) {
    this.capacityFreed = capacityFreed;
    this.operations = operations;
    this.campaigns = campaigns;
    this.metrics = metrics;
    this.clock = clock;
    this.outcomes =
        new GroupCommit<>("call outcomes", MAX_BATCH, writes, timer, clock, this::write);
    this.answers =
        new GroupCommit<>("answered calls", MAX_BATCH, writes, timer, clock, this::writeAnswers);
  }

  /**
   * The calls whose outcome arrived and is not written yet (the database did not answer): their
   * leases are renewed while they wait, so no reaper settles them as lost.
   */
  List<UUID> unwrittenSessions() {
    return outcomes.unwritten().stream().map(f -> f.attempt().sessionId()).toList();
  }

  /** Whether every outcome and answered mark that arrived has been written. */
  boolean allWritten() {
    return outcomes.isEmpty() && answers.isEmpty();
  }

  /** Tries the unwritten ones again now, without waiting for their back-off (shutdown). */
  void retryNow() {
    outcomes.retryNow();
    answers.retryNow();
  }

  /** Records a call's outcome (now, or with the batch being written by another thread). */
  void record(LiveAttempt attempt, CallResult result) {
    outcomes.submit(new Finished(attempt, result));
  }

  /** A call was answered: it shows as in progress (written with others answered meanwhile). */
  void answered(UUID sessionId, Instant at) {
    answers.submit(new Answer(sessionId, at));
  }

  private void writeAnswers(List<Answer> batch) {
    operations.answered(
        batch.stream().map(Answer::sessionId).toList(), batch.stream().map(Answer::at).toList());
  }

  /** Settles live attempts synchronously (the reaper); returns how many this call settled. */
  int settleNow(List<LiveAttempt> attempts, CallResult result) {
    List<Finished> batch = attempts.stream().map(a -> new Finished(a, result)).toList();
    return write(batch);
  }

  private int write(List<Finished> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    try {
      return settle(batch);
    } finally {
      // why after the write: the freed places count only once their live rows are gone.
      capacityFreed.raise();
    }
  }

  private int settle(List<Finished> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    Map<UUID, Optional<DialingRules>> fresh = new HashMap<>();
    List<AttemptOperations.Ending> endings = new ArrayList<>();
    for (Finished f : batch) {
      endings.add(new AttemptOperations.Ending(f.attempt(), f.result(), settlement(f, fresh)));
    }
    List<AttemptOperations.Ending> settled = operations.end(endings, clock.instant());
    settled.forEach(e -> metrics.finished(e.result().outcome(), e.attempt().provider()));
    return settled.size();
  }

  private Settlement settlement(Finished f, Map<UUID, Optional<DialingRules>> fresh) {
    if (!(f.attempt().origin() instanceof AttemptOrigin.CampaignContact c)) {
      return null;
    }
    CallResult result = f.result();
    if (!result.countsAsAttempt()) {
      // why: the call never reached the callee's carrier; the contact waits as if unclaimed (the
      // number's back-off, written with this, keeps it from being dialed at once).
      return new Settlement(
          f.attempt().organizationId(),
          c.campaignId(),
          c.contactId(),
          c.contactVersion(),
          f.attempt().attempt(),
          QueueState.PENDING,
          result.endedAt(),
          result.outcome().apiName(),
          result.reason(),
          null,
          result.endedAt(),
          false);
    }
    // why read fresh: retry settings and window changed while the call was live apply to this
    // decision ("take effect at once"); the claim's copy only when the row cannot be read.
    DialingRules rules =
        fresh
            .computeIfAbsent(c.campaignId(), id -> freshRules(f.attempt().organizationId(), id))
            .orElse(c.rules());
    QueueState target = decide(result, f.attempt().attempt(), rules);
    Instant next =
        target == QueueState.PENDING
            ? nextAttemptAt(f.attempt(), result, rules, c.zoneKey())
            : null;
    Integer talked =
        result.answeredAt() == null
            ? null
            : (int) Duration.between(result.answeredAt(), result.endedAt()).toSeconds();
    return new Settlement(
        f.attempt().organizationId(),
        c.campaignId(),
        c.contactId(),
        c.contactVersion(),
        f.attempt().attempt(),
        target,
        next,
        result.outcome().apiName(),
        result.reason(),
        talked,
        result.endedAt(),
        true);
  }

  /**
   * The contact's next state: successful, a retry (pending), or final no_answer / failed. A retry
   * needs the outcome to be retryable, the schedule's retry policy to retry that outcome
   * (docs/api.md §12: a policy that says no makes the contact final at once) and the one shared
   * budget of {@code retryAttempts} not to be spent.
   */
  static QueueState decide(CallResult result, int attempt, DialingRules rules) {
    if (result.outcome() == CallOutcome.COMPLETED) {
      return QueueState.SUCCESSFUL;
    }
    QueueState finalState =
        result.outcome() == CallOutcome.FAILED ? QueueState.FAILED : QueueState.NO_ANSWER;
    boolean retryable = result.outcome() != CallOutcome.FAILED || result.retryable();
    if (!retryable
        || rules == null
        || !rules.retries(result.outcome().apiName())
        || attempt >= 1 + rules.retryAttempts()) {
      return finalState;
    }
    return QueueState.PENDING;
  }

  /**
   * The retry's instant: the policy's gap for this outcome and retry number, then the contact's
   * next allowed instant in its own zones (window, blackout dates, calling hours).
   */
  static Instant nextAttemptAt(
      LiveAttempt a, CallResult result, DialingRules rules, String zoneKey) {
    Instant endedAt = result.endedAt();
    String outcome = result.outcome().apiName();
    return rules
        .nextAttemptAt(a.attempt(), outcome, endedAt, zoneKey)
        // why: the window never opens again (the end passes first); the contact stays pending, as
        // docs/api.md §6.6 keeps pending contacts of a campaign that reached its end.
        .orElse(endedAt.plus(Duration.ofMinutes(rules.gapMinutes(a.attempt(), outcome))));
  }

  private Optional<DialingRules> freshRules(UUID organizationId, UUID campaignId) {
    return campaigns
        .state(organizationId, campaignId)
        .map(EngineCampaignRepository.CampaignState::rules);
  }
}
