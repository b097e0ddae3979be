package ai.agni.campaigns.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Cache-Control: no-store} on every answer, set before any other filter runs, so that
 * successes, errors and the 401, 429 and 503 that filters write all carry it. why: answers hold
 * organization data and freshly issued API keys, which no browser or proxy cache may keep. The
 * answers written outside this filter ({@link ApiErrorController}, {@link JsonErrorReportValve})
 * set it themselves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NoStoreFilter extends OncePerRequestFilter {

  static final String NO_STORE = "no-store";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
    chain.doFilter(request, response);
  }
}
