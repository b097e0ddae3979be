package ai.agni.campaigns.api;

/**
 * A typed request body: a record bound by Jackson from a JSON object after {@link BodyNormalizer}
 * has mapped its snake_case fields to camelCase and checked their JSON types, then checked with
 * Bean Validation. Such a record declares one extra component, {@code @JacksonInject(useInput =
 * OptBoolean.FALSE) @Schema(hidden = true) SentFields sent}, that tells which fields the client
 * sent and how it spelled them (PATCH semantics, error fields named as sent).
 */
public interface RequestModel {

  /** The fields the client sent, with their spelling. */
  SentFields sent();
}
