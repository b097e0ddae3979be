package ai.agni.campaigns.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks user-given URLs that the service will call (webhooks, HTTP telephony runtimes). */
public final class HttpUrls {

  private HttpUrls() {}

  /** Whether the value is an absolute {@code http} or {@code https} URL with a host. */
  public static boolean isAbsoluteHttp(String value) {
    if (value == null || value.isBlank() || value.length() > 2000) {
      return false;
    }
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
