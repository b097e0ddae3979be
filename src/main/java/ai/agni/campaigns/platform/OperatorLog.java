package ai.agni.campaigns.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The operator's log lines (docs/api.md §13): one INFO line per campaign state change (started,
 * paused, resumed, completed, whether the API or the engine changed it) and per finished call. The
 * ids and values are in the message and in the MDC while the line is written, so the JSON output
 * ({@code AGNI_LOG_FORMAT=json}, docs/operations.md) carries them as fields: {@code
 * organizationId}, {@code campaignId}, {@code eventName}, {@code by}, {@code reason}, {@code
 * sessionId}, {@code contactId}, {@code outcome}, {@code durationSec}.
 */
public final class OperatorLog {

  private static final Logger campaigns = LoggerFactory.getLogger("ai.agni.campaigns.campaigns");
  private static final Logger calls = LoggerFactory.getLogger("ai.agni.campaigns.calls");

  private OperatorLog() {}

  /**
   * A campaign changed state: {@code event} is started, paused, resumed or completed; {@code by} is
   * {@code api} or {@code engine}; {@code reason} is the engine's (null for the API's).
   */
  public static void campaignChanged(
      UUID organizationId, UUID campaignId, String event, String by, String reason) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("eventName", "campaign." + event);
    fields.put("organizationId", organizationId.toString());
    fields.put("campaignId", campaignId.toString());
    fields.put("by", by);
    put(fields, "reason", reason);
    withFields(
        fields,
        () ->
            campaigns.info(
                "Campaign {} of organization {} {} by the {}{}",
                campaignId,
                organizationId,
                event,
                by,
                reason == null ? "" : " (" + reason + ")"));
  }

  /**
   * A call ended and its outcome is written: {@code campaignId} and {@code contactId} are null for
   * a single call, {@code talked} for an unanswered one.
   */
  public static void callFinished(
      UUID organizationId,
      UUID campaignId,
      UUID contactId,
      UUID sessionId,
      String outcome,
      String reason,
      Duration talked) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("eventName", "call.finished");
    fields.put("organizationId", organizationId.toString());
    put(fields, "campaignId", campaignId);
    put(fields, "contactId", contactId);
    fields.put("sessionId", sessionId.toString());
    fields.put("outcome", outcome);
    put(fields, "reason", reason);
    put(fields, "durationSec", talked == null ? null : talked.toSeconds());
    withFields(
        fields,
        () ->
            calls.info(
                "Call {} of organization {} (campaign {}, contact {}) finished {} ({}), {} s",
                sessionId,
                organizationId,
                campaignId,
                contactId,
                outcome,
                reason,
                talked == null ? 0 : talked.toSeconds()));
  }

  /**
   * Runs {@code line} once the current transaction commits (nothing when it rolls back), or now
   * outside a transaction: a state change is logged only once it happened.
   */
  public static void afterCommit(Runnable line) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      line.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            line.run();
          }
        });
  }

  private static void put(Map<String, String> fields, String key, Object value) {
    if (value != null) {
      fields.put(key, value.toString());
    }
  }

  private static void withFields(Map<String, String> fields, Runnable log) {
    Map<String, String> before = MDC.getCopyOfContextMap();
    try {
      fields.forEach(MDC::put);
      log.run();
    } finally {
      if (before == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(before);
      }
    }
  }
}
