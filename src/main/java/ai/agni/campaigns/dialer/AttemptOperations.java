package ai.agni.campaigns.dialer;

import ai.agni.campaigns.calling.SingleCallRepository;
import ai.agni.campaigns.calllog.CallRecordRepository;
import ai.agni.campaigns.calllog.PlacedCall;
import ai.agni.campaigns.platform.OperatorLog;
import ai.agni.campaigns.queue.QueueRef;
import ai.agni.campaigns.queue.QueueRepository;
import ai.agni.campaigns.queue.Settlement;
import ai.agni.campaigns.telephony.CallResult;
import ai.agni.campaigns.webhook.FinishedContact;
import ai.agni.campaigns.webhook.WebhookEvent;
import ai.agni.campaigns.webhook.WebhookOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guarded writes of an attempt's life, each in one transaction: placing it, giving back a slot
 * never used, and ending attempts in batches. Removing the attempt's {@code live_calls} row is the
 * guard that makes each end happen exactly once; the call row, the queue row and its counters
 * follow in the same transaction.
 */
final class AttemptOperations {

  private static final Logger log = LoggerFactory.getLogger(AttemptOperations.class);

  /** One attempt's end, decided: the call's result and, for a campaign contact, its queue move. */
  record Ending(LiveAttempt attempt, CallResult result, Settlement settlement) {}

  private final TransactionTemplate tx;
  private final LiveCallRepository liveCalls;
  private final CallRecordRepository callRecords;
  private final QueueRepository queue;
  private final SingleCallRepository singleCalls;
  private final LineBackoffRepository backoffs;
  private final EngineCampaignRepository campaigns;
  private final DialRateRepository dialRates;
  private final DialerMetrics metrics;
  private final WebhookOutbox outbox;
  private final Clock clock;

  AttemptOperations(
      TransactionTemplate tx,
      LiveCallRepository liveCalls,
      CallRecordRepository callRecords,
      QueueRepository queue,
      SingleCallRepository singleCalls,
      LineBackoffRepository backoffs,
      EngineCampaignRepository campaigns,
      DialRateRepository dialRates,
      DialerMetrics metrics,
      WebhookOutbox outbox,
      Clock clock) {
    this.outbox = outbox;
    this.dialRates = dialRates;
    this.clock = clock;
    this.backoffs = backoffs;
    this.campaigns = campaigns;
    this.metrics = metrics;
    this.tx = tx;
    this.liveCalls = liveCalls;
    this.callRecords = callRecords;
    this.queue = queue;
    this.singleCalls = singleCalls;
  }

  /**
   * What placing a group did: the attempts placed (their call rows say they started at {@code
   * startedAt}), and those a calls-per-second window refused for now, with the instant to try
   * again. The others (reaped meanwhile, or whose campaign is no longer active) are left as
   * claimed, for the caller to give back.
   */
  record Placing(List<ClaimedAttempt> placed, Map<UUID, Instant> later, Instant startedAt) {}

  /**
   * Places the attempts now, in one transaction: their live rows become dialing, every rate bucket
   * they use admits their start at this moment (across nodes: see {@link StartWindows}), and their
   * call rows ring. The start instant is taken once the buckets are locked, so the starts recorded
   * are the ones the windows counted.
   */
  Placing place(List<ClaimedAttempt> attempts, String node) {
    Placing placing =
        tx.execute(
            status -> {
              int[] marked =
                  liveCalls.markDialing(
                      attempts.stream().map(ClaimedAttempt::sessionId).toList(), node);
              List<ClaimedAttempt> mine = new ArrayList<>();
              for (int i = 0; i < marked.length; i++) {
                if (marked[i] == 1) {
                  mine.add(attempts.get(i));
                }
              }
              Map<String, Double> rates = new TreeMap<>();
              Map<String, Integer> calls = new HashMap<>();
              List<Set<String>> buckets = new ArrayList<>();
              for (ClaimedAttempt a : mine) {
                Set<String> held = new TreeSet<>();
                a.rates()
                    .forEach(
                        (key, rate) -> {
                          if (StartWindows.heldAtDialTime(rate)) {
                            held.add(key);
                            rates.merge(key, rate, Math::min);
                            calls.merge(key, 1, Integer::sum);
                          }
                        });
                buckets.add(held);
              }
              Map<String, StartWindows.Ring> rings = dialRates.lock(rates, calls);
              Instant now = CapacityPlanner.ceilMicros(clock.instant());
              StartWindows.Decision decision = StartWindows.admit(buckets, rings, now);
              dialRates.store(decision);
              Map<UUID, Instant> later = new HashMap<>();
              List<UUID> unwritten = new ArrayList<>();
              decision
                  .retryAt()
                  .forEach(
                      (i, at) -> {
                        later.put(mine.get(i).sessionId(), at);
                        unwritten.add(mine.get(i).sessionId());
                      });
              List<ClaimedAttempt> inCampaigns = new ArrayList<>();
              List<ClaimedAttempt> written = new ArrayList<>();
              for (int i : decision.admitted()) {
                ClaimedAttempt a = mine.get(i);
                if (a.origin() instanceof AttemptOrigin.CampaignContact) {
                  inCampaigns.add(a);
                } else if (callRecords.markRinging(a.sessionId(), node, now)) {
                  written.add(a);
                } else {
                  unwritten.add(a.sessionId());
                }
              }
              int[] inserted =
                  callRecords.insertPlaced(
                      inCampaigns.stream().map(a -> placedCall(a, node, now)).toList());
              for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] == 1) {
                  written.add(inCampaigns.get(i));
                } else {
                  unwritten.add(inCampaigns.get(i).sessionId());
                }
              }
              liveCalls.backToClaimed(unwritten);
              return new Placing(written, later, now);
            });
    metrics.placedBatch(attempts.size());
    metrics.rateWaits(placing.later().size());
    placing
        .placed()
        .forEach(a -> metrics.placed(a.line().provider(), a.lagAt(placing.startedAt())));
    return placing;
  }

  /**
   * Gives back attempts whose placing transaction failed (the database did not answer): nobody was
   * rung, so no attempt is used, whether or not that transaction committed after all. Removing the
   * live row (this node's, in either state) is the guard; a call row it may have written goes too.
   * Returns how many were given back by this call.
   */
  int giveBackUnsent(List<LiveAttempt> attempts, String node, Instant now) {
    Integer done =
        tx.execute(
            status -> {
              int[] removed =
                  liveCalls.deleteOfNode(
                      attempts.stream().map(LiveAttempt::sessionId).toList(), node);
              int n = 0;
              for (int i = 0; i < removed.length; i++) {
                if (removed[i] == 1) {
                  n++;
                  restore(attempts.get(i), now, true);
                }
              }
              return n;
            });
    return done == null ? 0 : done;
  }

  /** A poll claimed these many attempts for one organization (a metric). */
  void claimed(int attempts) {
    metrics.claimed(attempts);
  }

  /** Due dials held back for this reason (a metric). */
  void heldBack(HeldBack reason, int dials) {
    metrics.heldBack(reason, dials);
  }

  /** A placed call of this node ended (its outcome handed to the recorder). */
  void ended() {
    metrics.ended();
  }

  /** Gives back a claimed slot that was never placed: no attempt used, the contact due again. */
  boolean release(LiveAttempt a, Instant now) {
    Boolean done =
        tx.execute(
            status -> {
              if (!liveCalls.deleteClaimed(a.sessionId())) {
                return false;
              }
              restore(a, now, false);
              return true;
            });
    return Boolean.TRUE.equals(done);
  }

  /** The contact or single call of a never-placed attempt waits again, its attempts unchanged. */
  private void restore(LiveAttempt a, Instant now, boolean mayHaveCallRow) {
    if (a.origin() instanceof AttemptOrigin.CampaignContact c) {
      if (mayHaveCallRow) {
        callRecords.deleteUnstarted(a.sessionId());
      }
      QueueRef ref = new QueueRef(c.contactId(), c.contactVersion());
      queue.release(a.organizationId(), c.campaignId(), List.of(ref), now);
    } else if (a.origin() instanceof AttemptOrigin.SingleCall s) {
      if (mayHaveCallRow) {
        callRecords.backToQueued(a.sessionId());
      }
      singleCalls.putBack(a.sessionId(), a.organizationId(), s.queuedAt());
    }
  }

  /** Calls answered: shown as in progress, in one statement. */
  void answered(List<UUID> sessionIds, List<Instant> at) {
    callRecords.markAnswered(sessionIds, at);
  }

  /** Ends the attempts in one transaction; returns those this call settled (the rest were). */
  List<Ending> end(List<Ending> endings, Instant now) {
    metrics.outcomeBatch(endings.size());
    List<Ending> settled = settle(endings, now);
    settled.forEach(AttemptOperations::logFinished);
    return settled;
  }

  /** One log line per finished call, once its outcome is written (docs/api.md §13). */
  private static void logFinished(Ending e) {
    CallResult r = e.result();
    AttemptOrigin.CampaignContact c =
        e.attempt().origin() instanceof AttemptOrigin.CampaignContact contact ? contact : null;
    OperatorLog.callFinished(
        e.attempt().organizationId(),
        c == null ? null : c.campaignId(),
        c == null ? null : c.contactId(),
        e.attempt().sessionId(),
        r.outcome().apiName(),
        r.reason(),
        r.answeredAt() == null || r.endedAt() == null
            ? null
            : Duration.between(r.answeredAt(), r.endedAt()));
  }

  private List<Ending> settle(List<Ending> endings, Instant now) {
    return tx.execute(
        status -> {
          int[] removed =
              liveCalls.delete(endings.stream().map(e -> e.attempt().sessionId()).toList());
          List<Ending> mine = new ArrayList<>();
          for (int i = 0; i < removed.length; i++) {
            if (removed[i] == 1) {
              mine.add(endings.get(i));
            } else {
              log.debug("Call {} already settled; lost the race", endings.get(i).attempt());
            }
          }
          List<UUID> sessions = mine.stream().map(e -> e.attempt().sessionId()).toList();
          int[] finished = callRecords.finish(sessions, mine.stream().map(Ending::result).toList());
          List<Settlement> settlements =
              mine.stream().map(Ending::settlement).filter(s -> s != null).toList();
          boolean[] applied = queue.settle(settlements, now);
          List<FinishedContact> finals = new ArrayList<>();
          for (int i = 0; i < applied.length; i++) {
            if (!applied[i]) {
              // why not a bug: a paused campaign may be deleted while its last calls finish.
              log.debug("Queue row of settled call is gone: {}", settlements.get(i));
            } else if (settlements.get(i).target().isFinal()) {
              finals.add(finished(settlements.get(i)));
            }
          }
          List<UUID> ended = new ArrayList<>();
          for (int i = 0; i < finished.length; i++) {
            if (finished[i] == 1) {
              ended.add(sessions.get(i));
            }
          }
          outbox.callsFinished(ended);
          outbox.contactsFinished(finals);
          lineEffects(mine, now);
          return mine;
        });
  }

  /**
   * What failed calls say about their numbers, once per number in the batch: a trunk or runtime
   * that could not take the call backs the number off; refused credentials pause its campaigns.
   */
  private void lineEffects(List<Ending> mine, Instant now) {
    Map<List<UUID>, Duration> unavailable = new TreeMap<>(LINE_ORDER);
    Map<List<UUID>, String> reasons = new HashMap<>();
    Set<List<UUID>> refused = new TreeSet<>(LINE_ORDER);
    for (Ending e : mine) {
      CallResult r = e.result();
      List<UUID> line = List.of(e.attempt().organizationId(), e.attempt().lineId());
      if (r.disposition() == CallResult.Disposition.LINE_UNAVAILABLE) {
        Duration asked = r.retryAfter() == null ? Duration.ZERO : r.retryAfter();
        unavailable.merge(line, asked, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        reasons.put(line, r.reason());
      } else if (r.disposition() == CallResult.Disposition.LINE_AUTH_FAILED) {
        refused.add(line);
        reasons.put(line, r.reason());
      }
    }
    unavailable.forEach(
        (line, asked) -> {
          LineBackoff b =
              backoffs.backOff(
                  line.get(0), line.get(1), asked.isZero() ? null : asked, reasons.get(line), now);
          log.warn(
              "Number {} of organization {} backs off until {} ({}, {} in a row)",
              line.get(1),
              line.get(0),
              b.blockedUntil(),
              reasons.get(line),
              b.failures());
        });
    for (List<UUID> line : refused) {
      List<UUID> paused = campaigns.pauseOnLine(line.get(0), line.get(1), reasons.get(line), now);
      paused.forEach(id -> outbox.campaignMoved(line.get(0), id, WebhookEvent.CAMPAIGN_PAUSED));
      log.warn(
          "Trunk refused the credentials of number {} (organization {}): {} campaigns paused, {}",
          line.get(1),
          line.get(0),
          paused.size(),
          reasons.get(line));
      for (UUID campaign : paused) {
        OperatorLog.afterCommit(
            () ->
                OperatorLog.campaignChanged(
                    line.get(0), campaign, "paused", "engine", reasons.get(line)));
      }
    }
  }

  private static final Comparator<List<UUID>> LINE_ORDER =
      Comparator.comparing((List<UUID> l) -> l.get(0)).thenComparing(l -> l.get(1));

  /** The {@code contact.finished} of a settlement that made its contact final. */
  private static FinishedContact finished(Settlement s) {
    return new FinishedContact(
        s.organizationId(),
        s.campaignId(),
        s.contactId(),
        null,
        s.target().wire(),
        s.attemptUsed() ? s.attempt() : s.attempt() - 1,
        s.outcome(),
        s.reason());
  }

  private static PlacedCall placedCall(ClaimedAttempt a, String node, Instant now) {
    AttemptOrigin.CampaignContact c = (AttemptOrigin.CampaignContact) a.origin();
    return new PlacedCall(
        a.sessionId(),
        a.organizationId(),
        c.campaignId(),
        c.contactId(),
        a.agentId(),
        a.line().id(),
        a.attempt(),
        a.line().number(),
        a.to(),
        node,
        a.line().provider(),
        now);
  }
}
