package ai.agni.campaigns.api;

import ai.agni.campaigns.platform.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter: a failure that escapes the filters after it (the API key lookup runs before
 * any controller, so its database errors never reach {@link ApiExceptionHandler}) still answers
 * with the whole envelope: 400 naming {@code query} when the servlet container could not read the
 * query string, 503 {@code UNAVAILABLE} when the database did not answer, else 500 {@code
 * INTERNAL_ERROR}; never a body of nulls.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FailureEnvelopeFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(FailureEnvelopeFilter.class);

  private final JsonMapper json;

  FailureEnvelopeFilter(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (response.isCommitted()) {
        throw e;
      }
      response.resetBuffer();
      if (e instanceof InvalidParameterException) {
        // why: Tomcat parses the query string lazily, so a bad one surfaces in whichever filter
        // reads a parameter first; it is the client's mistake, not a bug.
        ApiError.FieldError error = UndecodableParameter.find(request.getQueryString());
        ErrorResponses.write(
            response, json, new InvalidRequestException(error.field(), error.message()));
      } else if (DatabaseFailures.isTransient(e)) {
        log.warn(
            "{} {} answered 503: {}",
            request.getMethod(),
            request.getRequestURI(),
            DatabaseFailures.describe(e));
        ErrorResponses.write(
            response, json, ErrorCode.UNAVAILABLE, ErrorResponses.DATABASE_UNAVAILABLE);
      } else {
        log.error(
            "Unhandled error on {} {}. Indicates a bug.",
            request.getMethod(),
            request.getRequestURI(),
            e);
        ErrorResponses.write(response, json, ErrorCode.INTERNAL_ERROR, "Internal error");
      }
    }
  }
}
