package ai.agni.campaigns.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks user-given URLs that the service will call (webhooks, HTTP telephony runtimes, SIP
 * trunks). Credentials never belong in a URL: it is stored and shown as given, so they go in the
 * fields made for them ({@code runtime_secret}, {@code sip_username} / {@code sip_password}).
 */
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

  /**
   * Whether the URL carries a user part ({@code http://user:pw@host/}, {@code http://user@host}).
   */
  public static boolean hasUserInfo(String value) {
    if (value == null) {
      return false;
    }
    String rest = value.trim();
    int scheme = rest.indexOf("://");
    if (scheme < 0) {
      return false;
    }
    rest = rest.substring(scheme + 3);
    int end = firstOf(rest, "/?#");
    // why not URI.getUserInfo: a URL that URI cannot parse may still carry a password.
    return rest.substring(0, end).contains("@");
  }

  /**
   * Whether a {@code sip:} / {@code sips:} URI carries a password ({@code sip:user:pw@host}); a
   * user alone ({@code sip:user@host}) is fine. why this simple: RFC 3261 allows no {@code @} in a
   * SIP URI but the one ending the user info, and no {@code :} in the user part.
   */
  public static boolean hasSipPassword(String value) {
    if (value == null) {
      return false;
    }
    String rest = value.trim();
    int colon = rest.indexOf(':');
    int at = rest.indexOf('@');
    return colon >= 0 && at > colon && rest.substring(colon + 1, at).contains(":");
  }

  private static int firstOf(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }
}
