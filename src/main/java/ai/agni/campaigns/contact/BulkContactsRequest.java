package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.BoundPerItem;
import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /contacts/bulk}. Each contact is bound on its own, so a bad one is
 * reported by its index and the others are kept.
 */
@Schema(name = "BulkContactsRequest")
record BulkContactsRequest(
    @ArraySchema(
            arraySchema =
                @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Up to 10,000 contacts."),
            schema = @Schema(implementation = ContactRequest.class))
        @BoundPerItem
        List<JsonNode> contacts,
    @Schema(
            allowableValues = {"skip", "update"},
            description = "A phone already stored: keep it (skip, default) or update it.")
        String onDuplicate,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {}
