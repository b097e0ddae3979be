package ai.agni.campaigns.platform;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Prepares the data directory ({@link DataDirectory#prepare}: created 0700 when missing, its files
 * 0600) before any bean exists. why so early: the H2 file database lives there, and opening it
 * would create the directory with the process's default mode. Registered in {@code
 * META-INF/spring.factories}; {@link RestrictDataFiles} restricts the files H2 creates afterwards.
 */
public class DataDirectoryPreparer implements EnvironmentPostProcessor {

  private final Log log;

  public DataDirectoryPreparer(DeferredLogFactory logs) {
    this.log = logs.getLog(DataDirectoryPreparer.class);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Path dir = Path.of(environment.getProperty("agni.data-dir", "data"));
    boolean created;
    try {
      created = DataDirectory.prepare(dir);
    } catch (UncheckedIOException e) {
      // why not fatal here: a PostgreSQL node with AGNI_SECRET_KEY set may never need the
      // directory;
      // whatever does need it fails with its own message.
      log.warn("Cannot prepare the data directory " + dir.toAbsolutePath() + ": " + e.getCause());
      return;
    }
    if (created) {
      log.info("Created the data directory " + dir.toAbsolutePath() + " (mode 0700)");
    } else if (DataDirectory.isOpenToOthers(dir)) {
      log.warn(
          "The data directory "
              + dir.toAbsolutePath()
              + " is open to other users; it holds the database and keys: chmod 700 it");
    }
  }
}
