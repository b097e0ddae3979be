package ai.agni.campaigns.dialer;

import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settles the live calls of a node whose heartbeat expired. The policy is explicit and never "dial
 * again now": the call may already have rung, so the attempt ends as {@code failed} with reason
 * {@code node_lost} (retryable) and re-enters the normal retry gap through the {@link
 * OutcomeRecorder}. A contact is thus never dialed twice at once and never lost.
 */
final class ReapStaleAttempts {

  private static final Logger log = LoggerFactory.getLogger(ReapStaleAttempts.class);

  private final EngineParts parts;
  private final DialerSettings settings;
  private final JdbcClient jdbc;

  ReapStaleAttempts(EngineParts parts, DialerSettings settings) {
    this.parts = parts;
    this.settings = settings;
    this.jdbc = parts.store().jdbc();
  }

  int reapDeadNodes() {
    Instant cutoff = parts.clock().instant().minus(settings.nodeTimeout());
    int reaped = 0;
    for (String node : parts.store().nodes().deadSince(cutoff)) {
      if (!node.equals(settings.nodeId())) {
        reaped += reapNode(node);
        parts.store().nodes().forget(node, cutoff);
      }
    }
    return reaped;
  }

  /** Settles every live call of {@code node}; returns how many this reaper settled. */
  int reapNode(String node) {
    int reaped = 0;
    for (EngineCallRepository.LiveCall call : parts.calls().liveCallsOf(node)) {
      if (settle(call, "node_lost")) {
        reaped++;
        log.info("Reaped call {} of dead node {} as node_lost", call.sessionId(), node);
      }
    }
    return reaped;
  }

  /**
   * Settles live campaign calls whose contact lease expired, on any node, this one included: the
   * node is alive but the call's outcome never arrived (an adapter that never completed, a timer
   * task or outcome write that failed). Without this the contact would stay in_progress and hold a
   * concurrency slot for good.
   */
  int reapExpiredLeases() {
    int reaped = 0;
    Instant now = parts.clock().instant();
    for (EngineCallRepository.LiveCall call :
        parts.calls().leaseExpired(now, settings.batchSize())) {
      if (settle(call, "lease_expired")) {
        reaped++;
        log.warn("Reaped call {} as lease_expired: its outcome never arrived", call.sessionId());
      }
    }
    return reaped;
  }

  private boolean settle(EngineCallRepository.LiveCall call, String reason) {
    Instant now = parts.clock().instant();
    CallResult lost = new CallResult(CallOutcome.FAILED, reason, true, null, now);
    return parts.recorder().record(ref(call), lost);
  }

  private AttemptRef ref(EngineCallRepository.LiveCall call) {
    if (call.campaignId() == null) {
      return new AttemptRef(call.sessionId(), call.organizationId(), null, null, 1, 0, null);
    }
    Optional<long[]> row =
        jdbc.sql(
                """
                SELECT cc.version, c.attempt FROM campaign_contacts cc JOIN calls c ON c.id = ?
                WHERE cc.campaign_id = ? AND cc.contact_id = ? AND cc.organization_id = ?
                """)
            .param(call.sessionId())
            .param(call.campaignId())
            .param(call.contactId())
            .param(call.organizationId())
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .optional();
    long version = row.map(r -> r[0]).orElse(-1L);
    int attempt = row.map(r -> (int) r[1]).orElse(1);
    return new AttemptRef(
        call.sessionId(),
        call.organizationId(),
        call.campaignId(),
        call.contactId(),
        attempt,
        version,
        null);
  }
}
