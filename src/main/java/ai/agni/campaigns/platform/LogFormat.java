package ai.agni.campaigns.platform;

import java.util.Locale;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code AGNI_LOG_FORMAT} ({@code agni.log-format}): {@code text} (default) keeps the usual lines;
 * {@code json} writes one JSON object per line on the console, in Spring Boot's structured ECS
 * format, with the MDC fields of {@link OperatorLog} as members. why an environment post-processor:
 * the logging system is set up from the environment before any bean exists, and a placeholder
 * cannot map {@code json} to a format name. An explicit {@code logging.structured.format.console}
 * wins (this default is added last). Registered in {@code META-INF/spring.factories}.
 */
public class LogFormat implements EnvironmentPostProcessor {

  static final String PROPERTY = "agni.log-format";
  static final String STRUCTURED = "logging.structured.format.console";

  private final Log log;

  public LogFormat(DeferredLogFactory logs) {
    this.log = logs.getLog(LogFormat.class);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String format = environment.getProperty(PROPERTY, "text").trim().toLowerCase(Locale.ROOT);
    switch (format) {
      case "json" ->
          environment
              .getPropertySources()
              .addLast(new MapPropertySource("agniLogFormat", Map.of(STRUCTURED, "ecs")));
      case "text", "" -> {}
      default ->
          log.warn("AGNI_LOG_FORMAT=" + format + " is neither text nor json; logging stays text");
    }
  }
}
