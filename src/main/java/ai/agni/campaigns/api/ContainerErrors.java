package ai.agni.campaigns.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope of an answer whose status the servlet container chose (a malformed URL, an unknown
 * path, a request line or header too large): a 4xx keeps its status and gets the code that goes
 * with it; 503 stays 503; any other 5xx is a 500 {@code INTERNAL_ERROR}.
 */
final class ContainerErrors {

  private ContainerErrors() {}

  /** Writes the envelope for {@code status}; {@code path} is named in a 404 when known. */
  static void write(HttpServletResponse response, JsonMapper json, int status, String path)
      throws IOException {
    ErrorCode code = ErrorCode.forStatus(status);
    int answered = status >= 400 && status < 500 || status == 503 ? status : 500;
    response.setStatus(answered);
    response.setHeader(HttpHeaders.CACHE_CONTROL, NoStoreFilter.NO_STORE);
    if (code == ErrorCode.UNAVAILABLE) {
      response.setHeader("Retry-After", "1");
    }
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(json.writeValueAsBytes(new ApiError(message(answered, path), code, List.of())));
  }

  private static String message(int status, String path) {
    if (status == 400) {
      return "The request could not be read (malformed URL, percent-encoding or headers)";
    }
    if (status == 404) {
      return path == null ? "No such endpoint" : "No endpoint " + path;
    }
    if (status == 503) {
      return "The service is unavailable; try again shortly";
    }
    if (status >= 500) {
      return "Internal error";
    }
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "The request was refused (" + status + ")" : known.getReasonPhrase();
  }
}
