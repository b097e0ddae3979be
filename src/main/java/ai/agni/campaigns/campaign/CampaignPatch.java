package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.JsonBody;
import java.util.UUID;

/**
 * The body of {@code PATCH /campaigns/{id}}: exactly the fields of the public reference page, each
 * null when not sent. The schedule stays raw because it merges onto the stored one.
 */
record CampaignPatch(
    String name,
    UUID agentId,
    UUID phoneNumberId,
    String fromPhoneNumber,
    CampaignStatus status,
    JsonBody schedule,
    boolean concurrencySent,
    Integer outboundMaxConcurrent,
    boolean cpsSent,
    Double outboundMaxCps,
    JsonBody body) {

  static CampaignPatch read(JsonBody body, UUID pathId, String defaultRegion) {
    if (body.has("id") && !body.isNull("id")) {
      String id = body.string("id");
      if (!pathId.toString().equalsIgnoreCase(id.trim())) {
        throw body.invalid("id", "must equal the campaign id of the path");
      }
    }
    return new CampaignPatch(
        body.has("name") ? CampaignFields.name(body) : null,
        body.has("agentId") ? CampaignFields.id(body, "agentId", "an agent") : null,
        body.has("phoneNumberId")
            ? CampaignFields.id(body, "phoneNumberId", "a phone number")
            : null,
        body.has("fromPhoneNumber") ? CampaignFields.phone(body, defaultRegion) : null,
        status(body),
        body.has("schedule") && !body.isNull("schedule") ? body.object("schedule") : null,
        body.has("outboundMaxConcurrent"),
        CampaignFields.maxConcurrent(body),
        body.has("outboundMaxCps"),
        CampaignFields.maxCps(body),
        body);
  }

  /** Only a status change, as the action shortcuts ask. */
  static CampaignPatch status(CampaignStatus target) {
    return new CampaignPatch(
        null, null, null, null, target, null, false, null, false, null, JsonBody.empty());
  }

  /** {@code status} and {@code executionStatus} (running ≙ active); both sent must agree. */
  private static CampaignStatus status(JsonBody body) {
    CampaignStatus byStatus = null;
    CampaignStatus byExecution = null;
    String status = body.string("status");
    if (status != null) {
      byStatus =
          CampaignStatus.parse(status)
              .orElseThrow(
                  () ->
                      body.invalid(
                          "status",
                          "must be one of " + String.join(", ", CampaignStatus.wireValues())));
    }
    String execution = body.string("executionStatus");
    if (execution != null) {
      byExecution =
          CampaignStatus.parseExecution(execution)
              .orElseThrow(
                  () ->
                      body.invalid(
                          "executionStatus",
                          "must be one of " + String.join(", ", CampaignStatus.executionValues())));
    }
    if (byStatus != null && byExecution != null && byStatus != byExecution) {
      throw body.invalid(
          "executionStatus", "disagrees with status " + byStatus.wire() + "; send one of them");
    }
    return byStatus != null ? byStatus : byExecution;
  }
}
