package ai.agni.campaigns.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** The error envelope written by filters, which run outside the controllers' exception handler. */
public final class ErrorResponses {

  /** What a request that found the database unreachable is told. */
  static final String DATABASE_UNAVAILABLE = "The database is unavailable; try again shortly";

  private ErrorResponses() {}

  /** Writes {@code {success:false, message, code, errors:[]}} with the code's status. */
  public static void write(
      HttpServletResponse response, JsonMapper json, ErrorCode code, String message)
      throws IOException {
    write(response, json, new ApiException(code, message, List.of()));
  }

  /** Writes the exception's envelope, status and {@code Retry-After} (429 and 503). */
  public static void write(HttpServletResponse response, JsonMapper json, ApiException e)
      throws IOException {
    response.setStatus(e.code().status().value());
    retryAfter(e).ifPresent(seconds -> response.setHeader("Retry-After", seconds));
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(json.writeValueAsBytes(new ApiError(e.getMessage(), e.code(), e.errors())));
  }

  /** The {@code Retry-After} value an error answer carries, if any. */
  static Optional<String> retryAfter(ApiException e) {
    if (e instanceof RateLimitedException limited) {
      return Optional.of(Long.toString(limited.retryAfterSeconds()));
    }
    return e.code() == ErrorCode.UNAVAILABLE ? Optional.of("1") : Optional.empty();
  }

  /** Writes {@code {success:false, message, code, errors}} with the code's status. */
  static void write(
      HttpServletResponse response,
      JsonMapper json,
      ErrorCode code,
      String message,
      List<ApiError.FieldError> errors)
      throws IOException {
    write(response, json, new ApiException(code, message, errors));
  }
}
