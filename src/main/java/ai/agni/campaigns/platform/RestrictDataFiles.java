package ai.agni.campaigns.platform;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At the end of start-up, restricts to 0600 the files H2 created in the data directory when it
 * first opened the database (the directory itself was already owner-only).
 */
@Component
class RestrictDataFiles implements ApplicationRunner {

  private final AgniProperties properties;

  RestrictDataFiles(AgniProperties properties) {
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    DataDirectory.restrictFiles(properties.dataDir());
  }
}
