package ai.agni.campaigns.calllog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Validated criteria of a session search; null means "any". Times bound the session's start (its
 * queue time while it has not started): {@code startedAfter} inclusive, {@code startedBefore}
 * exclusive.
 */
record CallSessionFilter(
    UUID campaignId,
    UUID agentId,
    UUID contactId,
    List<String> statuses,
    String callerNumber,
    String calleeNumber,
    Instant startedAfter,
    Instant startedBefore,
    boolean ascending) {

  /** Every session of one callee, newest first. */
  static CallSessionFilter byCallee(String calleeNumber) {
    return new CallSessionFilter(
        null, null, null, List.of(), null, calleeNumber, null, null, false);
  }
}
