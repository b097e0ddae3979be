package ai.agni.campaigns.telephony.http;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;

/** A runtime's progress report as sent to {@code POST /calling/call-events} (snake_case). */
@Schema(name = "CallEventRequest")
record CallEventRequest(
    @Schema(format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED) String sessionId,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {
              "ringing",
              "answered",
              "completed",
              "no_answer",
              "busy",
              "voicemail",
              "failed"
            })
        String status,
    @Schema(description = "Why it ended; printable ASCII, at most 100 characters are kept.")
        String reason,
    @Schema(
            description = "When it happened, ISO-8601 with offset; default the time received.",
            example = "2026-03-20T10:30:00.125Z")
        String at,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {}
