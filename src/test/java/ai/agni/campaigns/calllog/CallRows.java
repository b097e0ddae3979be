package ai.agni.campaigns.calllog;

import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.platform.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Named builders of {@code calls} rows, inserted with plain SQL as the dialer would write them:
 * {@code aCompletedCall(org, at).to("+14155550199").insert(jdbc)}.
 */
final class CallRows {

  private final UUID id = Ids.newId();
  private final UUID organizationId;
  private UUID campaignId;
  private UUID contactId;
  private UUID agentId = UUID.randomUUID();
  private int attempt = 1;
  private String callerNumber = "+14155550100";
  private String calleeNumber = "+14155550199";
  private String status;
  private String disconnectReason;
  private Instant queuedAt;
  private Instant startedAt;
  private Instant answeredAt;
  private Instant endedAt;
  private Integer durationSec;

  private CallRows(UUID organizationId, String status, Instant queuedAt) {
    this.organizationId = organizationId;
    this.status = status;
    this.queuedAt = queuedAt;
  }

  /** Answered 2 s after the start, talked 30 s, hung up by the callee. */
  static CallRows aCompletedCall(UUID organizationId, Instant startedAt) {
    CallRows call = started(organizationId, "completed", startedAt);
    call.answeredAt = startedAt.plusMillis(2_250);
    call.endedAt = call.answeredAt.plusSeconds(30);
    call.durationSec = 30;
    call.disconnectReason = "user_hangup";
    return call;
  }

  /** Rang out after 30 s. */
  static CallRows aNoAnswerCall(UUID organizationId, Instant startedAt) {
    CallRows call = started(organizationId, "no_answer", startedAt);
    call.endedAt = startedAt.plusSeconds(30);
    call.durationSec = 0;
    call.disconnectReason = "ring_timeout";
    return call;
  }

  static CallRows aBusyCall(UUID organizationId, Instant startedAt) {
    CallRows call = started(organizationId, "busy", startedAt);
    call.endedAt = startedAt.plusSeconds(3);
    call.durationSec = 0;
    call.disconnectReason = "busy";
    return call;
  }

  /** Waiting for a line: no start, answer or end yet. */
  static CallRows aQueuedCall(UUID organizationId, Instant queuedAt) {
    return new CallRows(organizationId, "queued", queuedAt);
  }

  private static CallRows started(UUID organizationId, String status, Instant startedAt) {
    CallRows call = new CallRows(organizationId, status, startedAt.minus(Duration.ofSeconds(1)));
    call.startedAt = startedAt;
    return call;
  }

  CallRows inCampaign(UUID campaign) {
    this.campaignId = campaign;
    return this;
  }

  CallRows forContact(UUID contact) {
    this.contactId = contact;
    return this;
  }

  CallRows byAgent(UUID agent) {
    this.agentId = agent;
    return this;
  }

  CallRows from(String caller) {
    this.callerNumber = caller;
    return this;
  }

  CallRows to(String callee) {
    this.calleeNumber = callee;
    return this;
  }

  CallRows attempt(int number) {
    this.attempt = number;
    return this;
  }

  /** Inserts the row and returns its session id. */
  UUID insert(JdbcClient jdbc) {
    jdbc.sql(
            """
            INSERT INTO calls (id, organization_id, campaign_id, contact_id, agent_id, attempt,
                channel, caller_number, callee_number, status, disconnect_reason, queued_at,
                started_at, answered_at, ended_at, duration_sec, version)
            VALUES (?, ?, ?, ?, ?, ?, 'voice', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            """)
        .params(
            id,
            organizationId,
            campaignId,
            contactId,
            agentId,
            attempt,
            callerNumber,
            calleeNumber,
            status,
            disconnectReason,
            Times.db(queuedAt),
            Times.db(startedAt),
            Times.db(answeredAt),
            Times.db(endedAt),
            durationSec)
        .update();
    return id;
  }
}
