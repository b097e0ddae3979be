package ai.agni.campaigns.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where others reach this service, for the URLs it hands out ({@code events_url} of an HTTP
 * runtime): {@code agni.public-url} when set, else {@code http://localhost:<port>} with the port
 * the server actually listens on. why read at each use: with {@code server.port=0} the port is
 * known only once the server started, after the beans were made.
 */
@Component
public class PublicBaseUrl {

  private final String configured;
  private final Environment environment;

  public PublicBaseUrl(AgniProperties properties, Environment environment) {
    this.configured = stripSlash(properties.publicUrl());
    this.environment = environment;
  }

  /** The base, without a trailing slash. */
  public String base() {
    if (!configured.isEmpty()) {
      return configured;
    }
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    return "http://localhost:" + port;
  }

  /** The base followed by {@code path}, which starts with a slash. */
  public String resolve(String path) {
    return base() + path;
  }

  private static String stripSlash(String url) {
    String out = url;
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
