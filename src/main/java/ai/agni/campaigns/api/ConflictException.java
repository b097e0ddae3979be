package ai.agni.campaigns.api;

import java.util.List;

/** 409: the request is well-formed but the resource's state does not allow it. */
public class ConflictException extends ApiException {

  public ConflictException(String message) {
    super(ErrorCode.CONFLICT, message, List.of());
  }

  /** A conflict that one field of another resource must fix ({@code agent.sipUri}). */
  public ConflictException(String message, List<ApiError.FieldError> errors) {
    super(ErrorCode.CONFLICT, message, errors);
  }
}
