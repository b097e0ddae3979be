package ai.agni.campaigns.api;

import java.util.List;

/** 400 naming the offending field(s). */
public class InvalidRequestException extends ApiException {

  public InvalidRequestException(String field, String message) {
    super(
        ErrorCode.INVALID_REQUEST,
        field + ": " + message,
        List.of(new ApiError.FieldError(field, message)));
  }

  public InvalidRequestException(String message, List<ApiError.FieldError> errors) {
    super(ErrorCode.INVALID_REQUEST, message, errors);
  }
}
