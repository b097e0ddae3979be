package ai.agni.campaigns.api;

import ai.agni.campaigns.platform.DatabaseFailures;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/** Maps every failure to the error envelope; only a bug reaches the 500 branch. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final RateLimits rateLimits;

  ApiExceptionHandler(RateLimits rateLimits) {
    this.rateLimits = rateLimits;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> api(ApiException e, HttpServletRequest request) {
    ApiException answer = e;
    if (e.code() == ErrorCode.UNAUTHORIZED && !isCallEvents(request)) {
      // why: a wrong admin token counts as a failed authentication, as a wrong API key does. A
      // runtime's badly signed call event stays a 401 (docs/api.md §7.5): a signature cannot be
      // guessed, and a runtime must not be told to retry one.
      answer = rateLimits.failedAuthentication(request).map(ApiException.class::cast).orElse(e);
    }
    ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.code().status());
    ErrorResponses.retryAfter(answer).ifPresent(s -> response.header("Retry-After", s));
    return response.body(new ApiError(answer.getMessage(), answer.code(), answer.errors()));
  }

  /**
   * The servlet container refused the query string (bad percent-encoding, too many parameters) when
   * it was first read, in a filter or a controller.
   */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ApiError> unreadableQuery(
      InvalidParameterException e, HttpServletRequest request) {
    ApiError.FieldError error = UndecodableParameter.find(request.getQueryString());
    return invalid(error.field(), error.message());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
        return respond(
            ErrorCode.INVALID_REQUEST, "body: " + tooLarge.getMessage(), tooLarge.errors());
      }
    }
    // why only the whole body: bodies are read as a JSON tree first; field types are judged
    // afterwards by the request models, which name the field.
    if (e.getCause() instanceof JacksonException jackson) {
      return invalid("body", "malformed JSON: " + jackson.getOriginalMessage());
    }
    return invalid("body", "a JSON object is required");
  }

  /**
   * A query bound to a record ({@code @ParameterObject}): wrong types and failed checks, each named
   * as the API documents query parameters (snake_case, whichever casing was sent).
   */
  @ExceptionHandler(BindException.class)
  ResponseEntity<ApiError> badQuery(BindException e) {
    List<ApiError.FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    new ApiError.FieldError(
                        JsonNames.snakeCase(error.getField()),
                        error.isBindingFailure()
                            ? typeMessage(e.getBindingResult().getFieldType(error.getField()))
                            : error.getDefaultMessage()))
            .sorted(java.util.Comparator.comparing(ApiError.FieldError::field))
            .toList();
    if (errors.isEmpty()) {
      return invalid("query", "is not valid");
    }
    return respond(
        ErrorCode.INVALID_REQUEST, errors.get(0).field() + ": " + errors.get(0).message(), errors);
  }

  private static String typeMessage(Class<?> type) {
    if (type == Integer.class || type == Long.class || type == int.class) {
      return "must be an integer";
    }
    if (type == java.util.UUID.class) {
      return "must be a UUID";
    }
    return "has an invalid value";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return invalid(e.getName(), "has an invalid value");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return invalid(e.getParameterName(), "is required");
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
    return invalid(e.getHeaderName(), "header is required");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
    return invalid(e.getRequestPartName(), "is required");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> uploadTooLarge(MaxUploadSizeExceededException e) {
    return invalid("file", "is larger than the upload limit");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> multipart(MultipartException e) {
    return invalid("file", "is not a readable multipart upload");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(
            new ApiError(
                "Unsupported Content-Type " + e.getContentType() + "; send application/json",
                ErrorCode.INVALID_REQUEST,
                List.of(new ApiError.FieldError("Content-Type", "is not supported"))));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return invalid("Accept", "only application/json is produced");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .body(
            new ApiError(
                "Method " + e.getMethod() + " is not allowed here",
                ErrorCode.INVALID_REQUEST,
                List.of()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noRoute(NoResourceFoundException e) {
    return respond(ErrorCode.NOT_FOUND, "No endpoint " + e.getResourcePath(), List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> bug(Exception e, HttpServletRequest request) {
    if (DatabaseFailures.isTransient(e)) {
      return unavailable(e, request);
    }
    log.error(
        "Unhandled error on {} {}. Indicates a bug.",
        request.getMethod(),
        request.getRequestURI(),
        e);
    return respond(ErrorCode.INTERNAL_ERROR, "Internal error", List.of());
  }

  private static boolean isCallEvents(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(ShutdownGate.CALL_EVENTS) || path.equals(ShutdownGate.CALL_EVENTS + "/");
  }

  /**
   * The database did not answer (down, restarting, pool timed out) or a concurrent transaction
   * conflicted: nothing was changed, and the same request may be sent again.
   */
  private static ResponseEntity<ApiError> unavailable(Exception e, HttpServletRequest request) {
    boolean down = DatabaseFailures.isUnavailable(e);
    log.warn(
        "{} {} answered 503: {}",
        request.getMethod(),
        request.getRequestURI(),
        DatabaseFailures.describe(e));
    return ResponseEntity.status(ErrorCode.UNAVAILABLE.status())
        .header("Retry-After", "1")
        .body(
            new ApiError(
                down
                    ? ErrorResponses.DATABASE_UNAVAILABLE
                    : "A concurrent change conflicted with this request; try again",
                ErrorCode.UNAVAILABLE,
                List.of()));
  }

  private static ResponseEntity<ApiError> invalid(String field, String message) {
    return respond(
        ErrorCode.INVALID_REQUEST,
        field + ": " + message,
        List.of(new ApiError.FieldError(field, message)));
  }

  static ResponseEntity<ApiError> respond(
      ErrorCode code, String message, List<ApiError.FieldError> errors) {
    return ResponseEntity.status(code.status()).body(new ApiError(message, code, errors));
  }
}
