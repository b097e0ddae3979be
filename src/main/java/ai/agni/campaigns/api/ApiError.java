package ai.agni.campaigns.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The error envelope {@code {success:false, message, code, errors:[{field, message}]}}.
 *
 * <p>Every error answer is built here, so this is where its size is bounded: at most {@link
 * #MAX_ERRORS} entries in {@code errors} (the message then says how many there were) and texts cut
 * to a few hundred characters. why: a request of 20,000 unknown ids answered a 1.78 MB body that
 * repeated the request; a client needs the count and a few examples, not an echo.
 */
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

  /** How many field errors one answer lists at most. */
  public static final int MAX_ERRORS = 100;

  static final int MAX_MESSAGE_CHARS = 500;
  static final int MAX_FIELD_CHARS = 200;

  public ApiError {
    List<FieldError> all = errors == null ? List.of() : errors;
    message = bounded(message == null ? "" : message, MAX_MESSAGE_CHARS);
    if (all.size() > MAX_ERRORS) {
      message += " (" + all.size() + " errors; the first " + MAX_ERRORS + " are listed)";
      all = all.subList(0, MAX_ERRORS);
    }
    errors = List.copyOf(all);
  }

  public ApiError(String message, ErrorCode code, List<FieldError> errors) {
    this(false, message, code.name(), errors);
  }

  /** One offending input field, named by its path as the client sent it ({@code schedule.x}). */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(example = "schedule.windowStart") String field,
      @Schema(example = "must be HH:mm") String message) {

    public FieldError {
      field = field == null ? null : bounded(field, MAX_FIELD_CHARS);
      message = message == null ? null : bounded(message, MAX_FIELD_CHARS);
    }
  }

  /** The text, or its first {@code max} characters and an ellipsis; never half a surrogate pair. */
  static String bounded(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end) + "…";
  }
}
