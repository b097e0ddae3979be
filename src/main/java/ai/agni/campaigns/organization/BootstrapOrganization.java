package ai.agni.campaigns.organization;

import ai.agni.campaigns.platform.AgniProperties;
import ai.agni.campaigns.platform.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty database, creates one organization and one API key, and writes the
 * key to {@code <data-dir>/bootstrap-key.txt} (mode 0600, key as last word). The log shows only the
 * key's prefix (as key listings do) and the file's path: logs are collected and kept widely.
 */
@Component
class BootstrapOrganization implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapOrganization.class);

  private final OrganizationRepository organizations;
  private final OrganizationService service;
  private final AgniProperties properties;

  BootstrapOrganization(
      OrganizationRepository organizations,
      OrganizationService service,
      AgniProperties properties) {
    this.organizations = organizations;
    this.service = service;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (organizations.any()) {
      return;
    }
    OrganizationService.CreatedOrganization created =
        service.create(
            "Default organization",
            "US",
            Organization.DEFAULT_MAX_CONCURRENT,
            Organization.DEFAULT_MAX_CPS);
    Path file = writeKeyFile(created.apiKey());
    log.info(
        "Bootstrap organization {} created. Its API key {}... is in {}",
        created.organization().id(),
        ApiKeyHasher.displayPrefix(created.apiKey()),
        file.toAbsolutePath());
  }

  private Path writeKeyFile(String key) {
    Path file = properties.dataDir().resolve("bootstrap-key.txt");
    try {
      DataDirectory.prepare(properties.dataDir());
      DataDirectory.writePrivate(file, "X-Api-Key: " + key + "\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the bootstrap key to " + file, e);
    }
  }
}
