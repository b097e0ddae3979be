package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.ApiError;
import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A contact as sent in JSON (create, partial update, one item of a bulk request), with the aliases
 * seen in real clients: {@code name} (split into first and last name at the first space) and {@code
 * customVariables} (merged into {@code metadata}, its keys winning). Values are normalised and
 * checked by {@link ContactInput}, which CSV rows go through too; every problem is collected.
 */
@Schema(name = "ContactRequest")
record ContactRequest(
    @Schema(
            description = "Required on create. Any form libphonenumber reads; stored as E.164.",
            example = "+14155550101")
        String phone,
    @Schema(description = "Split at the first space into first and last name.") String name,
    String firstName,
    String lastName,
    String email,
    String company,
    @Schema(description = "IANA time zone id.", example = "America/New_York") String timezone,
    @Schema(
            type = "object",
            description = "The call's dynamic variables; replaces the stored object.")
        ObjectNode metadata,
    @Schema(
            type = "object",
            description = "Alias of metadata; sent with it, the two merge, these keys winning.")
        ObjectNode customVariables,
    List<String> tags,
    String notes,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {

  /**
   * The contact's input, with the problems binding found first; {@code requirePhone}: a create
   * needs a phone, a partial update may leave it out.
   */
  ContactInput input(
      String defaultRegion, boolean requirePhone, List<ApiError.FieldError> bindingProblems) {
    ContactInput in = new ContactInput(defaultRegion);
    bindingProblems.forEach(problem -> in.problem(problem.field(), problem.message()));
    when("phone", f -> in.phone(f, phone));
    when("name", f -> in.name(f, name));
    when("firstName", f -> in.firstName(f, firstName));
    when("lastName", f -> in.lastName(f, lastName));
    when("email", f -> in.email(f, email));
    when("company", f -> in.company(f, company));
    when("timezone", f -> in.timezone(f, timezone));
    metadata(in);
    when("tags", f -> in.tags(f, tags));
    when("notes", f -> in.notes(f, notes));
    boolean phoneReported =
        in.problems().stream().anyMatch(p -> p.field().equals(sent.field("phone")));
    if (requirePhone && !in.has(ContactField.PHONE) && !phoneReported) {
      in.problem("phone", "is required");
    }
    return in;
  }

  /** {@code metadata}, {@code customVariables}, or both merged with customVariables winning. */
  private void metadata(ContactInput in) {
    boolean hasMetadata = sent.has("metadata");
    boolean hasVariables = sent.has("customVariables");
    if (hasMetadata && hasVariables) {
      ObjectNode merged = JsonNodeFactory.instance.objectNode();
      if (metadata != null) {
        merged.setAll(metadata);
      }
      if (customVariables != null) {
        merged.setAll(customVariables);
      }
      in.metadata(sent.field("metadata"), merged);
    } else if (hasMetadata) {
      in.metadata(sent.field("metadata"), metadata);
    } else if (hasVariables) {
      in.metadata(sent.field("customVariables"), customVariables);
    }
  }

  private void when(String field, Consumer<String> read) {
    if (sent.has(field)) {
      read.accept(sent.field(field));
    }
  }
}
