package ai.agni.campaigns.api;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error page, as the envelope instead of HTML. Tomcat answers some requests before any
 * filter or controller sees them (a path with bad percent-encoding, {@code %00}, an encoded {@code
 * /}, a request line or header too large); this valve writes those answers.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(JsonErrorReportValve.class);

  private final JsonMapper json;

  public JsonErrorReportValve(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void report(Request request, Response response, Throwable failure) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean();
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.resetBuffer(true);
      String path = status == 404 ? request.getRequestURI() : null;
      // why the status as is: Tomcat reports a request it could not parse as 400 with the parse
      // failure attached; an exception that escaped the application comes with 500 already.
      ContainerErrors.write(response, json, status, path);
      response.finishResponse();
    } catch (IOException | RuntimeException e) {
      log.debug("Could not write the error envelope for status {}", status, e);
    }
  }
}
