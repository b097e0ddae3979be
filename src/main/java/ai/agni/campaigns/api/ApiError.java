package ai.agni.campaigns.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The error envelope {@code {success:false, message, code, errors:[{field, message}]}}. */
@JsonPropertyOrder({"success", "message", "code", "errors"})
@Schema(name = "ApiError", description = "The error envelope.")
public record ApiError(
    @Schema(example = "false") boolean success,
    @Schema(example = "schedule.windowStart: must be HH:mm") String message,
    @Schema(
            allowableValues = {
              "INVALID_REQUEST",
              "UNAUTHORIZED",
              "NOT_FOUND",
              "CONFLICT",
              "RATE_LIMITED",
              "UNAVAILABLE",
              "INTERNAL_ERROR"
            })
        String code,
    List<FieldError> errors) {

  public ApiError(String message, ErrorCode code, List<FieldError> errors) {
    this(false, message, code.name(), List.copyOf(errors));
  }

  /** One offending input field, named by its path as the client sent it ({@code schedule.x}). */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(example = "schedule.windowStart") String field,
      @Schema(example = "must be HH:mm") String message) {}
}
