package ai.agni.campaigns.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * From the moment the node starts shutting down (SIGTERM), it takes no new work over HTTP: every
 * request answers 503 {@code UNAVAILABLE} with {@code Connection: close} (health too, so a load
 * balancer takes the node out at once), except the call events of HTTP runtimes, which end the
 * calls the engine is draining. The server itself stops accepting after the drain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ShutdownGate extends OncePerRequestFilter implements ApplicationListener<ContextClosedEvent> {

  static final String CALL_EVENTS = "/api/v1/calling/call-events";

  private final JsonMapper json;
  private volatile boolean closing;

  ShutdownGate(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    closing = true;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !closing || path.equals(CALL_EVENTS) || path.equals(CALL_EVENTS + "/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Connection", "close");
    ErrorResponses.write(
        response,
        json,
        ErrorCode.UNAVAILABLE,
        "This node is shutting down; send the request to another node");
  }
}
