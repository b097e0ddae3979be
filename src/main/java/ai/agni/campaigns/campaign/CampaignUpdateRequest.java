package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The body of {@code PATCH /campaigns/{id}}: exactly the fields of the public reference page. Only
 * the fields sent change; inside {@code schedule}, only the sub-fields sent change.
 */
@Schema(
    name = "CampaignUpdateRequest",
    description = "A partial update: only the fields sent change.")
record CampaignUpdateRequest(
    @Schema(format = "uuid", description = "If given, must equal the campaign id of the path.")
        String id,
    @Size(max = CampaignRequests.MAX_NAME, message = "must be at most {max} characters")
        String name,
    @Schema(format = "uuid", description = "Only in draft or paused.") String agentId,
    @Schema(format = "uuid", description = "Only in draft or paused.") String phoneNumberId,
    @Schema(
            description =
                "Must be the phone_number of phoneNumberId; left out with a new phoneNumberId, it"
                    + " becomes that number's.")
        String fromPhoneNumber,
    @Schema(
            description = "The user's intent; case-insensitive. Moves follow the lifecycle.",
            allowableValues = {"draft", "active", "paused", "completed"})
        String status,
    @Schema(
            description = "running is active; must agree with status when both are sent.",
            allowableValues = {"draft", "running", "paused", "completed"})
        String executionStatus,
    @Valid ScheduleRequest schedule,
    @Schema(description = "Null resets it to the organization's cap.")
        @Min(value = 1, message = "must be between 1 and 10000")
        @Max(value = 10_000, message = "must be between 1 and 10000")
        Integer outboundMaxConcurrent,
    @Schema(description = "Null resets it to the organization's cap.")
        @DecimalMin(value = "0.1", message = CampaignRequests.CPS_RANGE)
        @DecimalMax(value = "1000", message = CampaignRequests.CPS_RANGE)
        Double outboundMaxCps,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {

  /** The patch, its fields parsed; a sent {@code id} must be the path's. */
  CampaignPatch parse(UUID pathId, String defaultRegion) {
    if (id != null && !pathId.toString().equalsIgnoreCase(id.trim())) {
      throw sent.invalid("id", "must equal the campaign id of the path");
    }
    return new CampaignPatch(
        sent.has("name") ? CampaignRequests.required(sent, "name", name) : null,
        sent.has("agentId") ? CampaignRequests.id(sent, "agentId", agentId, "an agent") : null,
        sent.has("phoneNumberId")
            ? CampaignRequests.id(sent, "phoneNumberId", phoneNumberId, "a phone number")
            : null,
        sent.has("fromPhoneNumber")
            ? CampaignRequests.phone(sent, fromPhoneNumber, defaultRegion)
            : null,
        parsedStatus(),
        schedule,
        outboundMaxConcurrent,
        outboundMaxCps,
        sent);
  }

  /** {@code status} and {@code executionStatus} (running is active); both sent must agree. */
  private CampaignStatus parsedStatus() {
    CampaignStatus byStatus = null;
    CampaignStatus byExecution = null;
    if (status != null) {
      byStatus =
          CampaignStatus.parse(status)
              .orElseThrow(
                  () ->
                      sent.invalid(
                          "status",
                          "must be one of " + String.join(", ", CampaignStatus.wireValues())));
    }
    if (executionStatus != null) {
      byExecution =
          CampaignStatus.parseExecution(executionStatus)
              .orElseThrow(
                  () ->
                      sent.invalid(
                          "executionStatus",
                          "must be one of " + String.join(", ", CampaignStatus.executionValues())));
    }
    if (byStatus != null && byExecution != null && byStatus != byExecution) {
      throw sent.invalid(
          "executionStatus", "disagrees with status " + byStatus.wire() + "; send one of them");
    }
    return byStatus != null ? byStatus : byExecution;
  }
}
