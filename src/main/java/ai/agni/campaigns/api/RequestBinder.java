package ai.agni.campaigns.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.InjectableValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds a JSON object to a typed request record: {@link BodyNormalizer} (casing, JSON types, text
 * rule), then Jackson, then Bean Validation. Every problem is a field error named as the client
 * spelled it; {@link #bind} refuses the body with all of them, {@link #tryBind} hands them back (a
 * bulk item or CSV row is reported, not the whole request refused).
 */
@Component
public class RequestBinder {

  private final ObjectMapper mapper;
  private final Validator validator;

  public RequestBinder(ObjectMapper mapper, Validator validator) {
    this.mapper = mapper;
    this.validator = validator;
  }

  /** A body read as JSON where the raw bytes are needed too (signed requests); 400 if malformed. */
  public JsonNode readTree(byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidRequestException("body", "a JSON object is required");
    }
    try {
      return mapper.readTree(body);
    } catch (JacksonException e) {
      throw new InvalidRequestException("body", "malformed JSON: " + e.getOriginalMessage());
    }
  }

  /** The bound record; a 400 naming every bad field otherwise. */
  public <T> T bind(JsonNode body, Class<T> type) {
    Binding<T> binding = tryBind(body, type);
    if (!binding.problems().isEmpty()) {
      throw invalid(binding.problems());
    }
    return binding.value();
  }

  /** The bound record (its bad fields left null) and every problem found. */
  public <T> Binding<T> tryBind(JsonNode body, Class<T> type) {
    if (body == null || body.isMissingNode() || body.isNull()) {
      return Binding.refused("body", "a JSON object is required");
    }
    if (!(body instanceof ObjectNode object)) {
      return Binding.refused("body", "must be a JSON object");
    }
    BodyNormalizer.Result normalized = BodyNormalizer.normalize(object, type);
    SentFields sent = new SentFields(normalized.camel(), normalized.spelled(), normalized.others());
    T value =
        mapper
            .readerFor(type)
            .with(new InjectableValues.Std().addValue(SentFields.class, sent))
            .readValue(normalized.camel());
    List<ApiError.FieldError> problems = new ArrayList<>(normalized.problems());
    problems.addAll(violations(value, type, sent, normalized));
    return new Binding<>(value, sent, List.copyOf(problems));
  }

  /** A 400 whose message names the first problem and whose errors list them all. */
  public static InvalidRequestException invalid(List<ApiError.FieldError> problems) {
    ApiError.FieldError first = problems.get(0);
    return new InvalidRequestException(first.field() + ": " + first.message(), problems);
  }

  private <T> List<ApiError.FieldError> violations(
      T value, Class<T> type, SentFields sent, BodyNormalizer.Result normalized) {
    RecordShape shape = RecordShape.of(type);
    Set<ConstraintViolation<T>> found = validator.validate(value);
    return found.stream()
        .map(violation -> new Violation(path(violation.getPropertyPath()), violation.getMessage()))
        .filter(violation -> !alreadyReported(normalized, sent.field(violation.path())))
        .sorted(
            Comparator.comparingInt((Violation v) -> shape.indexOf(root(v.path())))
                .thenComparing(Violation::path))
        .map(
            violation -> new ApiError.FieldError(sent.field(violation.path()), violation.message()))
        .toList();
  }

  private static boolean alreadyReported(BodyNormalizer.Result normalized, String field) {
    return normalized.problems().stream().anyMatch(problem -> problem.field().equals(field));
  }

  private static String root(String path) {
    return path.split("[.\\[]", 2)[0];
  }

  /** {@code schedule.windowStart}, {@code windowDays[2]}, {@code caps[0].maxCalls}. */
  private static String path(Path path) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
        out.append('[').append(at).append(']');
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<")) {
        out.append(out.isEmpty() ? "" : ".").append(name);
      }
    }
    return out.toString();
  }

  private record Violation(String path, String message) {}

  /** A bound record, what the client sent, and the problems found (empty when it is valid). */
  public record Binding<T>(T value, SentFields sent, List<ApiError.FieldError> problems) {

    static <T> Binding<T> refused(String field, String message) {
      return new Binding<>(
          null, SentFields.none(), List.of(new ApiError.FieldError(field, message)));
    }
  }
}
