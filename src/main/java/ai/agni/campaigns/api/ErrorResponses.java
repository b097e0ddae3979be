package ai.agni.campaigns.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
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
    write(response, json, code, message, List.of());
  }

  /** Writes {@code {success:false, message, code, errors}} with the code's status. */
  static void write(
      HttpServletResponse response,
      JsonMapper json,
      ErrorCode code,
      String message,
      List<ApiError.FieldError> errors)
      throws IOException {
    response.setStatus(code.status().value());
    if (code == ErrorCode.UNAVAILABLE) {
      response.setHeader("Retry-After", "1");
    }
    response.setContentType("application/json");
    response.getOutputStream().write(json.writeValueAsBytes(new ApiError(message, code, errors)));
  }
}
