package ai.agni.campaigns.organization;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** The optional body of {@code POST /api-keys}. */
@Schema(name = "ApiKeyRequest")
record ApiKeyRequest(
    @Schema(description = "A label to tell keys apart.")
        @Size(max = 200, message = "must be at most {max} characters")
        String name,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {}
