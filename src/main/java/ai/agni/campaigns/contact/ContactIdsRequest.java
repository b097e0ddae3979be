package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of {@code POST /contacts/bulk-delete}. */
@Schema(name = "ContactIdsRequest")
record ContactIdsRequest(
    @ArraySchema(
            arraySchema =
                @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Up to 10,000 contact ids."),
            schema = @Schema(format = "uuid"))
        List<String> ids,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {}
