package ai.agni.campaigns.api;

import java.util.List;

/** Base of the typed exceptions that the API maps to an error envelope. */
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final List<ApiError.FieldError> errors;

  public ApiException(ErrorCode code, String message, List<ApiError.FieldError> errors) {
    super(message);
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public ErrorCode code() {
    return code;
  }

  public List<ApiError.FieldError> errors() {
    return errors;
  }
}
