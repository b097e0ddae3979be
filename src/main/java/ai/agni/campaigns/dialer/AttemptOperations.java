package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guarded writes that end an attempt, each in one transaction: the call row gets its outcome
 * and the contact's queue row its next state. Writes are guarded by the live call status and by the
 * queue row's version and {@code in_progress} state: 0 rows means another actor (the reaper, a
 * concurrent finish) settled it first, which is normal; more than 1 is a bug.
 */
@Component
class AttemptOperations {

  private static final Logger log = LoggerFactory.getLogger(AttemptOperations.class);

  private final JdbcClient jdbc;
  private final EngineCallRepository calls;
  private final TransactionTemplate tx;

  AttemptOperations(JdbcClient jdbc, EngineCallRepository calls, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.calls = calls;
    this.tx = tx;
  }

  /** The contact is done: it ends in {@code finalState} (successful, no_answer or failed). */
  boolean finish(AttemptRef ref, CallResult result, String finalState) {
    return settle(ref, result, finalState, null);
  }

  /** The contact goes back to pending and becomes due at {@code nextAttemptAt}. */
  boolean reschedule(AttemptRef ref, CallResult result, Instant nextAttemptAt) {
    return settle(ref, result, "pending", nextAttemptAt);
  }

  private boolean settle(AttemptRef ref, CallResult result, String state, Instant nextAt) {
    Boolean done =
        tx.execute(
            status -> {
              int callRows = calls.finish(ref.sessionId(), result);
              if (callRows == 0) {
                log.debug("Call {} already settled; lost the race", ref.sessionId());
                return false;
              }
              checkSingle(callRows, ref);
              if (ref.campaignId() == null) {
                return true;
              }
              int rows = updateContact(ref, result, state, nextAt);
              if (rows == 0) {
                log.debug("Contact {} of call {} moved on; lost the race", ref.contactId(), ref);
              }
              checkSingle(rows, ref);
              return rows == 1;
            });
    return Boolean.TRUE.equals(done);
  }

  private int updateContact(AttemptRef ref, CallResult result, String state, Instant nextAt) {
    Integer talked =
        result.answeredAt() == null
            ? null
            : (int) Duration.between(result.answeredAt(), result.endedAt()).toSeconds();
    return jdbc.sql(
            """
            UPDATE campaign_contacts
            SET state = ?, next_attempt_at = ?, last_outcome = ?, last_reason = ?,
                last_duration_sec = COALESCE(?, last_duration_sec), lease_owner = NULL,
                lease_until = NULL, version = version + 1, updated_at = ?
            WHERE campaign_id = ? AND contact_id = ? AND version = ? AND state = 'in_progress'
              AND organization_id = ?
            """)
        .param(state)
        .param(Times.db(nextAt))
        .param(result.outcome().apiName())
        .param(result.reason())
        .param(talked)
        .param(Times.db(result.endedAt()))
        .param(ref.campaignId())
        .param(ref.contactId())
        .param(ref.contactVersion())
        .param(ref.organizationId())
        .update();
  }

  /**
   * Returns a claimed contact whose call was never placed to pending (attempts - 1), and forgets
   * the queued call row, in one transaction.
   */
  boolean release(ClaimedAttempt a, String node, Instant now) {
    Boolean done =
        tx.execute(
            status -> {
              int callRows = calls.deleteUnplaced(a.sessionId(), node);
              if (callRows == 0 || !a.inCampaign()) {
                return callRows == 1;
              }
              int rows =
                  jdbc.sql(
                          """
                          UPDATE campaign_contacts
                          SET state = 'pending', attempts = attempts - 1, lease_owner = NULL,
                              lease_until = NULL, version = version + 1, updated_at = ?
                          WHERE campaign_id = ? AND contact_id = ? AND version = ?
                            AND state = 'in_progress' AND organization_id = ?
                          """)
                      .param(Times.db(now))
                      .param(a.campaignId())
                      .param(a.contactId())
                      .param(a.contactVersion())
                      .param(a.organizationId())
                      .update();
              checkSingle(rows, AttemptRef.of(a));
              return rows == 1;
            });
    return Boolean.TRUE.equals(done);
  }

  private static void checkSingle(int rows, Object row) {
    if (rows > 1) {
      throw new IllegalStateException("Indicates a bug: " + rows + " rows updated for " + row);
    }
  }
}
