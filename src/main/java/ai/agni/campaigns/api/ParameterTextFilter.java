package ai.agni.campaigns.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the {@link TextRule} to the name and every value of every request parameter (query
 * parameters, and the text fields of a form or multipart upload) and to the path, before anything
 * reads them: a 400 naming each offending parameter, or {@code path}. why: one check at the edge
 * for every endpoint, so that no controller can hand a NUL to PostgreSQL, whatever it reads.
 */
class ParameterTextFilter extends OncePerRequestFilter {

  private final JsonMapper json;

  ParameterTextFilter(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<ApiError.FieldError> errors = new ArrayList<>();
    checkPath(request.getRequestURI(), errors);
    try {
      for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
        check(parameter.getKey(), parameter.getValue(), errors);
      }
    } catch (IllegalStateException unreadable) {
      // why: Tomcat throws (InvalidParameterException) instead of decoding a parameter whose
      // bytes are not UTF-8 (%C0%80, %ED%A0%80), or when there are too many; a 400, not a 500.
      errors.add(UndecodableParameter.find(request.getQueryString()));
    }
    if (errors.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    ApiError.FieldError first = errors.get(0);
    ErrorResponses.write(
        response, json, ErrorCode.INVALID_REQUEST, first.field() + ": " + first.message(), errors);
  }

  private static void check(String name, String[] values, List<ApiError.FieldError> errors) {
    String field = TextRule.safeName(name);
    String nameViolation = TextRule.violation(name);
    if (nameViolation != null) {
      errors.add(new ApiError.FieldError(field, "parameter name " + nameViolation));
      return;
    }
    for (String value : values) {
      String violation = TextRule.violation(value);
      if (violation != null) {
        errors.add(new ApiError.FieldError(field, violation));
        return;
      }
    }
  }

  /**
   * why: a path segment becomes an id or a phone number that a controller may look up; {@code %00}
   * is the one escape that decodes to text the rule refuses (invalid UTF-8 decodes to U+FFFD).
   */
  private static void checkPath(String uri, List<ApiError.FieldError> errors) {
    String decoded;
    try {
      decoded = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformedEscape) {
      return; // routing answers a path Spring cannot decode
    }
    String violation = TextRule.violation(decoded);
    if (violation != null) {
      errors.add(new ApiError.FieldError("path", violation));
    }
  }
}
