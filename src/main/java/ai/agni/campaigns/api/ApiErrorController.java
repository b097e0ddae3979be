package ai.agni.campaigns.api;

import ai.agni.campaigns.platform.DatabaseFailures;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replaces Spring Boot's {@code BasicErrorController} at {@code /error}, where the servlet
 * container forwards what it answers itself (a {@code sendError} outside the controllers): the same
 * envelope with the same status. A request made to {@code /error} directly is an unknown path: 404.
 */
@Hidden
@RestController
class ApiErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorController.class);

  private final JsonMapper json;

  ApiErrorController(JsonMapper json) {
    this.json = json;
  }

  // why write the body by hand: content negotiation would answer a request that accepts only
  // text/html with a second error; the envelope is JSON whatever the client asked for.
  @RequestMapping("${server.error.path:${error.path:/error}}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (!(status instanceof Integer code)) {
      ContainerErrors.write(response, json, 404, request.getRequestURI());
      return;
    }
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
      if (DatabaseFailures.isTransient(failure)) {
        ContainerErrors.write(response, json, 503, null);
        return;
      }
      log.error("Unhandled error on {}. Indicates a bug.", uri, failure);
      ContainerErrors.write(response, json, 500, null);
      return;
    }
    ContainerErrors.write(response, json, code, uri == null ? null : uri.toString());
  }
}
