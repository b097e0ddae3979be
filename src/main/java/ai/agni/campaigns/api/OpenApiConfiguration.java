package ai.agni.campaigns.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: title and the X-Api-Key security scheme. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String SCHEME = "ApiKey";

  static {
    // why: Tenant comes from the X-Api-Key filter, not from a query parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
  }

  @Bean
  OpenAPI agniOpenApi() {
    SecurityScheme apiKey =
        new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER)
            .name("X-Api-Key");
    return new OpenAPI()
        .info(
            new Info()
                .title("Agni Campaigns API")
                .version("v1")
                .description(
                    "Outbound voice campaigns; every /api/v1 path but health needs a key."))
        .components(new Components().addSecuritySchemes(SCHEME, apiKey))
        .addSecurityItem(new SecurityRequirement().addList(SCHEME));
  }
}
