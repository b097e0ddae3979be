package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of adding contacts to, or removing them from, a campaign. */
@Schema(name = "CampaignContactsRequest")
record CampaignContactsRequest(
    @ArraySchema(
            arraySchema =
                @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Contact ids of the organization; repeats collapse."),
            schema = @Schema(format = "uuid"))
        List<String> contactIds,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {

  CampaignRequests.ContactIds ids() {
    return CampaignRequests.contactIds(sent, contactIds);
  }
}
