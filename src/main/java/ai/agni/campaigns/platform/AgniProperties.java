package ai.agni.campaigns.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code agni.*}; {@code application.yml} maps each {@code AGNI_*} environment
 * variable of the contract onto one of them.
 *
 * @param dataDir where the embedded database and the bootstrap key live
 * @param adminToken the {@code X-Admin-Token}; blank turns the admin endpoints off
 * @param telephony default provider for new phone numbers: simulated, sip or http
 */
@ConfigurationProperties("agni")
public record AgniProperties(Path dataDir, String adminToken, String telephony) {

  public AgniProperties {
    dataDir = dataDir == null ? Path.of("data") : dataDir;
    adminToken = adminToken == null ? "" : adminToken.trim();
    telephony = telephony == null || telephony.isBlank() ? "simulated" : telephony.trim();
  }
}
