package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.JsonBody;
import java.util.UUID;

/**
 * The body of {@code POST /campaigns}, read and checked for form (references are checked later).
 */
record NewCampaign(
    String name,
    UUID agentId,
    UUID phoneNumberId,
    String fromPhoneNumber,
    CampaignFields.ContactIds contactIds,
    Schedule schedule,
    Integer outboundMaxConcurrent,
    Double outboundMaxCps,
    JsonBody body) {

  /** Unknown top-level fields are ignored; unknown schedule fields are a 400. */
  static NewCampaign read(JsonBody body, String defaultRegion) {
    return new NewCampaign(
        CampaignFields.name(body),
        CampaignFields.id(body, "agentId", "an agent"),
        CampaignFields.id(body, "phoneNumberId", "a phone number"),
        CampaignFields.phone(body, defaultRegion),
        CampaignFields.contactIds(body),
        ScheduleReader.merge(Schedule.defaults(), body.object("schedule")),
        CampaignFields.maxConcurrent(body),
        CampaignFields.maxCps(body),
        body);
  }
}
