package ai.agni.campaigns.organization;

import ai.agni.campaigns.platform.AgniProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty database, creates one organization and one API key, and prints the
 * key once: to the log and to {@code <data-dir>/bootstrap-key.txt} (mode 0600, key as last word).
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
        "Bootstrap organization {} created. Its API key (shown once, also in {}): {}",
        created.organization().id(),
        file.toAbsolutePath(),
        created.apiKey());
  }

  private Path writeKeyFile(String key) {
    Path file = properties.dataDir().resolve("bootstrap-key.txt");
    try {
      Files.createDirectories(properties.dataDir());
      Files.deleteIfExists(file);
      Files.createFile(file);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        log.warn("Cannot restrict {} to its owner on this file system", file);
      }
      Files.writeString(file, "X-Api-Key: " + key + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the bootstrap key to " + file, e);
    }
  }
}
