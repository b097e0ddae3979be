package ai.agni.campaigns.dialer;

import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the live attempts of a node whose heartbeat expired, and those whose lease expired on any
 * node. The policy is explicit and never "dial again now": a placed call may already have rung, so
 * it ends as {@code failed} with reason {@code node_lost} (or {@code lease_expired}), retryable,
 * and re-enters the normal retry gap. A slot that was claimed but never placed rang nobody: it is
 * given back without using an attempt. A contact is thus never dialed twice at once, never lost.
 */
final class ReapStaleAttempts {

  private static final Logger log = LoggerFactory.getLogger(ReapStaleAttempts.class);

  private final LiveCallRepository liveCalls;
  private final EngineNodeRepository nodes;
  private final OutcomeRecorder recorder;
  private final AttemptOperations operations;
  private final Clock clock;
  private final DialerSettings settings;

  ReapStaleAttempts(
      LiveCallRepository liveCalls,
      EngineNodeRepository nodes,
      OutcomeRecorder recorder,
      AttemptOperations operations,
      Clock clock,
      DialerSettings settings) {
    this.liveCalls = liveCalls;
    this.nodes = nodes;
    this.recorder = recorder;
    this.operations = operations;
    this.clock = clock;
    this.settings = settings;
  }

  int reapDeadNodes() {
    Instant cutoff = clock.instant().minus(settings.nodeTimeout());
    int reaped = 0;
    for (String node : nodes.deadSince(cutoff)) {
      if (!node.equals(settings.nodeId())) {
        reaped += reapNode(node);
        nodes.forget(node, cutoff);
      }
    }
    return reaped;
  }

  /** Settles every live attempt of {@code node}; returns how many this reaper settled. */
  int reapNode(String node) {
    return reapNode(node, Set.of());
  }

  /**
   * As {@link #reapNode(String)}, leaving out calls whose outcome this node holds unwritten (at
   * shutdown: their own end is better than node_lost, and other nodes reap them if it never comes).
   */
  int reapNode(String node, Set<UUID> skip) {
    List<LiveCallRepository.LiveCall> live =
        liveCalls.ofNode(node).stream().filter(c -> !skip.contains(c.sessionId())).toList();
    int reaped = settle(live, "node_lost");
    if (reaped > 0) {
      log.info("Reaped {} live attempts of node {} (node_lost)", reaped, node);
    }
    return reaped;
  }

  /**
   * Settles live attempts whose lease expired, on any node, this one included: the node is alive
   * but the outcome never arrived (an adapter that never completed, a write that failed). Without
   * this the contact would stay in a call and hold a concurrency slot for good.
   */
  int reapExpiredLeases() {
    Set<UUID> waitingToBeWritten = new HashSet<>(recorder.unwrittenSessions());
    List<LiveCallRepository.LiveCall> expired =
        liveCalls.leaseExpired(clock.instant(), settings.batchSize()).stream()
            .filter(call -> !waitingToBeWritten.contains(call.sessionId()))
            .toList();
    int reaped = settle(expired, "lease_expired");
    if (reaped > 0) {
      log.warn("Reaped {} live attempts as lease_expired: their outcome never arrived", reaped);
    }
    return reaped;
  }

  /**
   * Gives back attempts claimed long ago and never placed, on any node: a claim whose commit the
   * database confirmed too late for its node to know, or whose node lost it. A claim waits for its
   * slot (at most the claim horizon) and then for a rate window; one still claimed a minute after
   * that rang nobody, and the give-back is guarded against a placing that comes after all.
   */
  int releaseStaleClaims() {
    Instant cutoff = clock.instant().minus(settings.claimHorizon()).minus(STALE_CLAIM);
    Instant now = clock.instant();
    int released = 0;
    for (LiveCallRepository.LiveCall call : liveCalls.claimedBefore(cutoff, settings.batchSize())) {
      if (operations.release(call.toAttempt(), now)) {
        released++;
      }
    }
    if (released > 0) {
      log.warn("Gave back {} attempts claimed over a minute ago and never placed", released);
    }
    return released;
  }

  /** How long past the claim horizon a claimed, never placed attempt is considered lost. */
  static final Duration STALE_CLAIM = Duration.ofMinutes(1);

  private int settle(List<LiveCallRepository.LiveCall> calls, String reason) {
    Instant now = clock.instant();
    List<LiveAttempt> placed = new ArrayList<>();
    int released = 0;
    for (LiveCallRepository.LiveCall call : calls) {
      if (call.placed()) {
        placed.add(call.toAttempt());
      } else if (operations.release(call.toAttempt(), now)) {
        released++;
      } else {
        // why: it was placed between the read and the release; it rang, so it ends as lost.
        placed.add(call.toAttempt());
      }
    }
    CallResult lost = new CallResult(CallOutcome.FAILED, reason, true, null, now);
    return released + recorder.settleNow(placed, lost);
  }
}
