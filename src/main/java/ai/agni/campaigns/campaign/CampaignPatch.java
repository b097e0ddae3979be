package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.SentFields;
import java.util.UUID;

/**
 * A campaign change: the fields of {@code PATCH /campaigns/{id}} parsed, each null when not sent,
 * or only a status for the action shortcuts. {@code sent} tells which fields came and their
 * spelling; the schedule stays as sent because it merges onto the stored one.
 */
record CampaignPatch(
    String name,
    UUID agentId,
    UUID phoneNumberId,
    String fromPhoneNumber,
    CampaignStatus status,
    ScheduleRequest schedule,
    Integer outboundMaxConcurrent,
    Double outboundMaxCps,
    SentFields sent) {

  /** Only a status change, as the action shortcuts ask. */
  static CampaignPatch status(CampaignStatus target) {
    return new CampaignPatch(null, null, null, null, target, null, null, null, SentFields.none());
  }

  /** The stored schedule with the sent sub-fields applied. */
  Schedule schedule(Schedule current) {
    return schedule == null ? current : schedule.mergeOnto(current, sent);
  }

  boolean concurrencySent() {
    return sent.has("outboundMaxConcurrent");
  }

  boolean cpsSent() {
    return sent.has("outboundMaxCps");
  }
}
