package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /campaigns}. Unknown top-level fields are ignored; unknown schedule
 * fields are a 400. References (agent, number, contacts) are checked against the organization
 * later, in the creating transaction.
 */
@Schema(name = "CreateCampaignRequest")
record CreateCampaignRequest(
    @NotBlank(message = "is required")
        @Size(max = CampaignRequests.MAX_NAME, message = "must be at most {max} characters")
        String name,
    @Schema(format = "uuid") @NotBlank(message = "is required") String agentId,
    @Schema(format = "uuid") @NotBlank(message = "is required") String phoneNumberId,
    @Schema(description = "Must be the phone_number of phoneNumberId.", example = "+14155550100")
        @NotBlank(message = "is required")
        String fromPhoneNumber,
    @ArraySchema(
            arraySchema =
                @Schema(
                    description =
                        "Contacts of the organization to call; may be empty; repeats collapse."),
            schema = @Schema(format = "uuid"))
        @NotNull(message = "is required (an array of contact ids, may be empty)")
        List<String> contactIds,
    @Valid ScheduleRequest schedule,
    @Min(value = 1, message = "must be between 1 and 10000")
        @Max(value = 10_000, message = "must be between 1 and 10000")
        Integer outboundMaxConcurrent,
    @Schema(description = "Calls per second of this campaign; may be fractional.")
        @DecimalMin(value = "0.1", message = CampaignRequests.CPS_RANGE)
        @DecimalMax(value = "1000", message = CampaignRequests.CPS_RANGE)
        Double outboundMaxCps,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {

  /** The campaign to create, its fields parsed; the schedule merged onto the defaults. */
  NewCampaign parse(String defaultRegion) {
    return new NewCampaign(
        name.trim(),
        CampaignRequests.id(sent, "agentId", agentId, "an agent"),
        CampaignRequests.id(sent, "phoneNumberId", phoneNumberId, "a phone number"),
        CampaignRequests.phone(sent, fromPhoneNumber, defaultRegion),
        CampaignRequests.contactIds(sent, contactIds),
        schedule == null ? Schedule.defaults() : schedule.mergeOnto(Schedule.defaults(), sent),
        outboundMaxConcurrent,
        outboundMaxCps,
        sent);
  }

  /** A create request parsed; {@code sent} names the fields as the client spelled them. */
  record NewCampaign(
      String name,
      UUID agentId,
      UUID phoneNumberId,
      String fromPhoneNumber,
      CampaignRequests.ContactIds contactIds,
      Schedule schedule,
      Integer outboundMaxConcurrent,
      Double outboundMaxCps,
      SentFields sent) {}
}
