package ai.agni.campaigns.organization;

import ai.agni.campaigns.api.ApiException;
import ai.agni.campaigns.api.ErrorResponses;
import ai.agni.campaigns.api.RateLimits;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.api.UnauthorizedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@code X-Api-Key} into the request's {@link Tenant}; every {@code /api/v1} path but health,
 * the admin endpoints (which use their own token) and the call events of HTTP runtimes (signed with
 * the phone number's runtime secret) needs a valid, unrevoked key. It also applies the {@link
 * RateLimits}: per key once the key is known, per client address when authentication fails.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Api-Key";
  private static final String CALL_EVENTS = "/api/v1/calling/call-events";

  private final ApiKeyRepository keys;
  private final OrganizationRepository organizations;
  private final RateLimits rateLimits;
  private final JsonMapper json;

  ApiKeyAuthenticationFilter(
      ApiKeyRepository keys,
      OrganizationRepository organizations,
      RateLimits rateLimits,
      JsonMapper json) {
    this.keys = keys;
    this.organizations = organizations;
    this.rateLimits = rateLimits;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/v1/")
        || path.equals("/api/v1/health")
        || path.equals("/api/v1/health/")
        || path.startsWith("/api/v1/admin/")
        // why: HTTP runtimes sign their call events with the number's secret instead of a key.
        || path.equals(CALL_EVENTS)
        || path.equals(CALL_EVENTS + "/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key == null || key.isBlank()) {
      reject(request, response, "Missing X-Api-Key header");
      return;
    }
    Optional<ApiKey> found = keys.findActiveByHash(ApiKeyHasher.hash(key.trim()));
    Optional<Tenant> tenant =
        found
            .flatMap(k -> organizations.find(k.organizationId()))
            .map(org -> new Tenant(org.id(), org.defaultRegion()));
    if (tenant.isEmpty()) {
      reject(request, response, "Invalid or revoked API key");
      return;
    }
    Optional<? extends ApiException> limited = rateLimits.request(found.get().id());
    if (limited.isPresent()) {
      ErrorResponses.write(response, json, limited.get());
      return;
    }
    request.setAttribute(Tenant.ATTRIBUTE, tenant.get());
    chain.doFilter(request, response);
  }

  /** 401, or 429 once the client address has failed too often (see {@link RateLimits}). */
  private void reject(HttpServletRequest request, HttpServletResponse response, String message)
      throws IOException {
    ApiException answer =
        rateLimits
            .failedAuthentication(request)
            .map(ApiException.class::cast)
            .orElseGet(() -> new UnauthorizedException(message));
    ErrorResponses.write(response, json, answer);
  }
}
