package ai.agni.campaigns.api;

import java.util.List;

/** 401: missing, unknown or revoked credentials. */
public class UnauthorizedException extends ApiException {

  public UnauthorizedException(String message) {
    super(ErrorCode.UNAUTHORIZED, message, List.of());
  }
}
