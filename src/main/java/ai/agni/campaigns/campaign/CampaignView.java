package ai.agni.campaigns.campaign;

import ai.agni.campaigns.campaign.schedule.RetryRules;
import ai.agni.campaigns.campaign.schedule.WindowStatus;
import ai.agni.campaigns.organization.Organization;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.queue.ContactStats;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign as the API shows it (camelCase; every field present, null when unset).
 *
 * @param windowOpen whether the schedule's window is open now, whatever the status (docs/api.md
 *     §13)
 * @param nextWindowAt the next instant the window opens; null while it is open or when it never
 *     opens again
 */
record CampaignView(
    String id,
    String organizationId,
    String name,
    String agentId,
    String phoneNumberId,
    String fromPhoneNumber,
    String status,
    String executionStatus,
    ScheduleView schedule,
    ContactStats contactStats,
    String startedAt,
    String completedAt,
    String createdAt,
    String updatedAt,
    Integer outboundMaxConcurrent,
    Double outboundMaxCps,
    String pausedReason,
    boolean windowOpen,
    String nextWindowAt) {

  /** Unset outbound caps show the organization's; the window as it is at {@code window}. */
  static CampaignView of(Campaign c, ContactStats stats, Organization org, WindowStatus window) {
    return new CampaignView(
        c.id().toString(),
        c.organizationId().toString(),
        c.name(),
        c.agentId().toString(),
        c.phoneNumberId().toString(),
        c.fromPhoneNumber(),
        c.status().wire(),
        c.status().executionStatus(),
        ScheduleView.of(c.schedule()),
        stats,
        Times.iso(c.startedAt()),
        Times.iso(c.completedAt()),
        Times.iso(c.createdAt()),
        Times.iso(c.updatedAt()),
        c.outboundMaxConcurrent() != null
            ? c.outboundMaxConcurrent()
            : Integer.valueOf(org.outboundMaxConcurrent()),
        c.outboundMaxCps() != null ? c.outboundMaxCps() : Double.valueOf(org.outboundMaxCps()),
        c.pausedReason(),
        window.open(),
        Times.iso(window.nextOpen()));
  }

  /**
   * The {@code schedule} object; start and end in ISO UTC, blackout dates sorted, the retry policy
   * as sent (only the outcomes given, {@code gapsMin} left out when not given) or null.
   */
  record ScheduleView(
      String start,
      String end,
      String windowStart,
      String windowEnd,
      List<Integer> windowDays,
      String timezone,
      int maxConcurrent,
      int retryAttempts,
      int retryGapMin,
      String windowTimezone,
      List<String> blackoutDates,
      RetryPolicyView retryPolicy) {

    static ScheduleView of(Schedule s) {
      return new ScheduleView(
          Times.iso(s.start()),
          Times.iso(s.end()),
          s.windowStart(),
          s.windowEnd(),
          s.windowDays(),
          s.timezone(),
          s.maxConcurrent(),
          s.retryAttempts(),
          s.retryGapMin(),
          s.windowTimezone(),
          s.blackoutDates().stream().map(LocalDate::toString).toList(),
          RetryPolicyView.of(s.retryPolicy()));
    }
  }

  /** {@code schedule.retryPolicy}: the outcomes given, in the form they are sent. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "RetryPolicyView")
  record RetryPolicyView(
      @JsonProperty("no_answer") OutcomeRuleView noAnswer,
      OutcomeRuleView busy,
      OutcomeRuleView voicemail,
      OutcomeRuleView failed) {

    static RetryPolicyView of(RetryRules rules) {
      if (rules == null || rules.isNone()) {
        return null;
      }
      return new RetryPolicyView(
          OutcomeRuleView.of(rules.byOutcome().get(RetryRules.NO_ANSWER)),
          OutcomeRuleView.of(rules.byOutcome().get(RetryRules.BUSY)),
          OutcomeRuleView.of(rules.byOutcome().get(RetryRules.VOICEMAIL)),
          OutcomeRuleView.of(rules.byOutcome().get(RetryRules.FAILED)));
    }
  }

  /** One outcome's rule; {@code gapsMin} left out when not given. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "OutcomeRetryRuleView")
  record OutcomeRuleView(boolean retry, List<Integer> gapsMin) {

    static OutcomeRuleView of(RetryRules.OutcomeRule rule) {
      return rule == null ? null : new OutcomeRuleView(rule.retry(), rule.gapsMin());
    }
  }
}
