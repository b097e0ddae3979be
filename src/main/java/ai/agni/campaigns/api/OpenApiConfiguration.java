package ai.agni.campaigns.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document at {@code /v3/api-docs}, built from the typed request and answer models:
 * title, the X-Api-Key scheme, and on every operation the error envelope of each status it can
 * answer with. docs/api.md is the guide to it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String SCHEME = "ApiKey";
  static final String ERROR_SCHEMA = "ApiError";

  /** Paths that take no API key: health, signed runtime events, the admin token's endpoint. */
  static final List<String> WITHOUT_KEY =
      List.of("/api/v1/health", "/api/v1/calling/call-events", "/api/v1/admin/organizations");

  static {
    // why: Tenant comes from the X-Api-Key filter, not from a query parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
    // why: free-form JSON (metadata, variables) is any object; introspecting Jackson's tree types
    // would publish their internals (and log a stack trace on every fetch).
    SpringDocUtils.getConfig()
        .replaceWithSchema(ObjectNode.class, new ObjectSchema().description("Any JSON object"))
        .replaceWithSchema(JsonNode.class, new ObjectSchema().description("Any JSON value"))
        .replaceWithSchema(ArrayNode.class, new Schema<>().type("array"));
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
                    "Outbound voice campaigns. Every /api/v1 path needs an X-Api-Key but health,"
                        + " the runtimes' signed call events and the admin token's endpoint. The"
                        + " guide is docs/api.md in the repository."))
        .components(new Components().addSecuritySchemes(SCHEME, apiKey))
        .addSecurityItem(new SecurityRequirement().addList(SCHEME));
  }

  /** The error envelope on every operation, and no key where none is taken. */
  @Bean
  OpenApiCustomizer errorEnvelopes() {
    return openApi -> {
      ModelConverters.getInstance()
          .read(ApiError.class)
          .forEach(openApi.getComponents()::addSchemas);
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                boolean health = path.equals("/api/v1/health");
                for (Operation operation : operations(item)) {
                  if (WITHOUT_KEY.contains(path)) {
                    operation.setSecurity(List.of());
                  }
                  errors(health).forEach((code, text) -> addError(operation, code, text));
                }
              });
    };
  }

  private static Map<String, String> errors(boolean health) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!health) {
      errors.put("400", "A field or parameter is invalid; errors name each (at most 100)");
      errors.put("401", "Missing, unknown or revoked key (or a bad signature)");
      errors.put("404", "No such resource in this organization");
      errors.put("409", "Not allowed in the resource's current state");
      errors.put("429", "Rate limited; see Retry-After");
    }
    errors.put(
        "503",
        "The database is unreachable, the node is shutting down, or a concurrent change"
            + " conflicted; nothing was changed, see Retry-After");
    return errors;
  }

  private static void addError(Operation operation, String code, String description) {
    ApiResponses responses = operation.getResponses();
    if (responses.containsKey(code)) {
      return;
    }
    Schema<?> envelope = new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA);
    responses.addApiResponse(
        code,
        new ApiResponse()
            .description(description)
            .content(
                new Content()
                    .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(envelope))));
  }

  private static List<Operation> operations(PathItem item) {
    return item.readOperations();
  }
}
