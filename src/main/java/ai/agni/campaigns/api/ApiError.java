package ai.agni.campaigns.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The error envelope {@code {success:false, message, code, errors:[{field, message}]}}. */
@JsonPropertyOrder({"success", "message", "code", "errors"})
public record ApiError(boolean success, String message, String code, List<FieldError> errors) {

  public ApiError(String message, ErrorCode code, List<FieldError> errors) {
    this(false, message, code.name(), List.copyOf(errors));
  }

  /** One offending input field, named by its path as the client sent it ({@code schedule.x}). */
  public record FieldError(String field, String message) {}
}
