package ai.agni.campaigns.dialer;

import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    int reaped = settle(liveCalls.ofNode(node), "node_lost");
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
    int reaped =
        settle(liveCalls.leaseExpired(clock.instant(), settings.batchSize()), "lease_expired");
    if (reaped > 0) {
      log.warn("Reaped {} live attempts as lease_expired: their outcome never arrived", reaped);
    }
    return reaped;
  }

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
