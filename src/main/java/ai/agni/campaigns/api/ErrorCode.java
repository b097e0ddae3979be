package ai.agni.campaigns.api;

import org.springframework.http.HttpStatus;

/** The closed set of error codes of docs/api.md §1.5, each with its HTTP status. */
public enum ErrorCode {
  INVALID_REQUEST(HttpStatus.BAD_REQUEST),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
  NOT_FOUND(HttpStatus.NOT_FOUND),
  CONFLICT(HttpStatus.CONFLICT),
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
  UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

  private final HttpStatus status;

  ErrorCode(HttpStatus status) {
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /**
   * The code of an answer whose status was set outside the controllers (the servlet container, an
   * error dispatch): a 4xx keeps its meaning, 503 is {@code UNAVAILABLE}, any other 5xx a bug.
   */
  public static ErrorCode forStatus(int status) {
    return switch (status) {
      case 401 -> UNAUTHORIZED;
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 429 -> RATE_LIMITED;
      case 503 -> UNAVAILABLE;
      default -> status >= 400 && status < 500 ? INVALID_REQUEST : INTERNAL_ERROR;
    };
  }
}
