package ai.agni.campaigns.calling;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.JsonNode;

/** The body of {@code POST /calling/create-call} (snake_case in the public docs). */
@Schema(name = "CreateCallRequest")
record CreateCallRequest(
    @Schema(
            allowableValues = {"outbound_call", "web_call"},
            description = "Only outbound_call is supported.")
        @NotBlank(message = "is required")
        String type,
    @Schema(format = "uuid") @NotBlank(message = "is required") String agentId,
    @Schema(description = "An active number of the organization.", example = "+14155550100")
        @NotBlank(message = "is required")
        String fromPhoneNumber,
    @Schema(example = "+14155550101") @NotBlank(message = "is required") String toPhoneNumber,
    @Schema(type = "object", description = "Stored with the call as given.") JsonNode metadata,
    @Schema(type = "object", description = "The call's dynamic variables.")
        JsonNode promptDynamicVariables,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {}
