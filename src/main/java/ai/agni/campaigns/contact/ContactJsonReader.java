package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.JsonBody;

/**
 * Reads a contact from a JSON object in either casing, with the aliases seen in real clients:
 * {@code name} (split into first and last name) and {@code customVariables} (for {@code metadata}).
 * Every field problem is collected, not only the first.
 */
final class ContactJsonReader {

  private ContactJsonReader() {}

  /** {@code requirePhone}: a create needs a phone; a partial update may leave it out. */
  static ContactInput read(JsonBody body, String defaultRegion, boolean requirePhone) {
    ContactInput in = new ContactInput(defaultRegion);
    read(in, body, "phone", f -> in.phone(body.field(f), body.string(f)));
    read(in, body, "name", f -> in.name(body.field(f), body.string(f)));
    read(in, body, "firstName", f -> in.firstName(body.field(f), body.string(f)));
    read(in, body, "lastName", f -> in.lastName(body.field(f), body.string(f)));
    read(in, body, "email", f -> in.email(body.field(f), body.string(f)));
    read(in, body, "company", f -> in.company(body.field(f), body.string(f)));
    read(in, body, "timezone", f -> in.timezone(body.field(f), body.string(f)));
    read(in, body, "metadata", f -> in.metadata(body.field(f), body.rawObject(f)));
    read(in, body, "customVariables", f -> customVariables(in, body));
    read(in, body, "tags", f -> in.tags(body.field(f), body.stringList(f)));
    read(in, body, "notes", f -> in.notes(body.field(f), body.string(f)));
    if (requirePhone && !in.has(ContactField.PHONE) && !hasProblemWith(in, "phone")) {
      in.problem("phone", "is required");
    }
    return in;
  }

  private static void customVariables(ContactInput in, JsonBody body) {
    String field = body.field("customVariables");
    if (body.has("metadata")) {
      in.problem(field, "is an alias of metadata; send one of them");
      return;
    }
    in.metadata(field, body.rawObject("customVariables"));
  }

  private static void read(
      ContactInput in, JsonBody body, String camel, java.util.function.Consumer<String> reader) {
    try {
      if (body.has(camel)) {
        reader.accept(camel);
      }
    } catch (InvalidRequestException e) {
      e.errors().forEach(error -> in.problem(error.field(), error.message()));
    }
  }

  private static boolean hasProblemWith(ContactInput in, String prefix) {
    return in.problems().stream().anyMatch(p -> p.field().startsWith(prefix));
  }
}
