package ai.agni.campaigns.api;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@link JsonErrorReportValve} in the place of Tomcat's HTML error report. */
@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReport(JsonMapper json) {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                // why both: the host adds an ErrorReportValve at start unless one of the named
                // class is already in its pipeline.
                host.getPipeline().addValve(new JsonErrorReportValve(json));
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
              }
            });
  }
}
