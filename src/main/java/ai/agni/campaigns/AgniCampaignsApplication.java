package ai.agni.campaigns;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Boot entry point of Agni Campaigns; nothing else lives at the root package. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AgniCampaignsApplication {

  public static void main(String[] args) {
    SpringApplication.run(AgniCampaignsApplication.class, args);
  }
}
