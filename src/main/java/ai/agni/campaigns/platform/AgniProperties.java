package ai.agni.campaigns.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code agni.*}; {@code application.yml} maps each {@code AGNI_*} environment
 * variable of docs/api.md §9 onto one of them.
 *
 * @param dataDir where the embedded database and the bootstrap key live
 * @param adminToken the {@code X-Admin-Token}; blank turns the admin endpoints off
 * @param telephony default provider for new phone numbers: simulated, sip or http
 * @param publicUrl the base URL at which others reach this service ({@code AGNI_PUBLIC_URL}, e.g.
 *     {@code https://campaigns.example.com}); blank: {@code http://localhost:<server port>}. See
 *     {@link PublicBaseUrl}
 * @param outbound rules for the HTTP requests the service makes
 */
@ConfigurationProperties("agni")
public record AgniProperties(
    Path dataDir, String adminToken, String telephony, String publicUrl, Outbound outbound) {

  public AgniProperties {
    dataDir = dataDir == null ? Path.of("data") : dataDir;
    adminToken = adminToken == null ? "" : adminToken.trim();
    telephony = telephony == null || telephony.isBlank() ? "simulated" : telephony.trim();
    publicUrl = publicUrl == null ? "" : publicUrl.trim();
    outbound = outbound == null ? new Outbound(false) : outbound;
    if (!publicUrl.isEmpty() && !HttpUrls.isAbsoluteHttp(publicUrl)) {
      throw new IllegalArgumentException(
          "agni.public-url must be an absolute http(s) URL: '" + publicUrl + "'");
    }
  }

  /**
   * Outbound HTTP requests (docs/api.md §8.3).
   *
   * @param allowPrivate {@code AGNI_OUTBOUND_ALLOW_PRIVATE}: let requests reach loopback, private,
   *     link-local and metadata addresses (see {@link OutboundAddressPolicy})
   */
  public record Outbound(boolean allowPrivate) {}
}
