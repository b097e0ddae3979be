package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.ApiError;
import ai.agni.campaigns.api.RequestBinder;
import ai.agni.campaigns.api.Tenant;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /contacts/bulk}: validates every item (the text rule included), keeps the valid ones
 * and reports the invalid ones by index, then writes the valid ones in batches of {@link
 * ContactBatchWriter#BATCH_SIZE}.
 */
@Service
class BulkContactUpsert {

  static final int MAX_CONTACTS = 10_000;

  private final ContactBatchWriter writer;
  private final RequestBinder binder;

  BulkContactUpsert(ContactBatchWriter writer, RequestBinder binder) {
    this.writer = writer;
    this.binder = binder;
  }

  Result run(Tenant tenant, List<JsonNode> items, DuplicatePolicy policy) {
    Tally tally = new Tally();
    ContactBatch batch = new ContactBatch(policy, ContactBatchWriter.BATCH_SIZE);
    for (int index = 0; index < items.size(); index++) {
      ContactInput input = read(items.get(index), tenant.defaultRegion());
      if (!input.problems().isEmpty()) {
        tally.reject(index, input.problems());
        continue;
      }
      switch (batch.add(input.build())) {
        case SKIPPED -> tally.skipped++;
        case MERGED -> tally.updated++;
        case QUEUED -> {
          if (batch.isFull()) {
            tally.add(writer.write(tenant.organizationId(), batch, outcome -> {}));
          }
        }
      }
    }
    tally.add(writer.write(tenant.organizationId(), batch, outcome -> {}));
    return tally.result();
  }

  /** One item, bound on its own: its problems reject it alone. */
  private ContactInput read(JsonNode item, String defaultRegion) {
    if (item == null || !item.isObject()) {
      return new ContactInput(defaultRegion).problem("contact", "must be a JSON object");
    }
    RequestBinder.Binding<ContactRequest> binding = binder.tryBind(item, ContactRequest.class);
    return binding.value().input(defaultRegion, true, binding.problems());
  }

  /** Counts and the written contacts, in input order of their first appearance. */
  private static final class Tally {
    final List<Contact> contacts = new ArrayList<>();
    final List<RowError> errors = new ArrayList<>();
    int created;
    int updated;
    int skipped;
    int rejected;

    void reject(int index, List<ApiError.FieldError> problems) {
      rejected++;
      problems.forEach(p -> errors.add(new RowError(index, p.field(), p.message())));
    }

    void add(BatchOutcome outcome) {
      created += outcome.created().size();
      updated += outcome.updated().size();
      skipped += outcome.skipped();
      contacts.addAll(outcome.created());
      contacts.addAll(outcome.updated());
    }

    Result result() {
      return new Result(created, updated, skipped, rejected, errors, ContactView.of(contacts));
    }
  }

  /** One problem of one item: its 0-based index in {@code contacts}. */
  @Schema(name = "BulkItemError")
  record RowError(int index, String field, String message) {}

  /** The answer of {@code POST /contacts/bulk}. */
  @Schema(name = "BulkContactsResult")
  record Result(
      int created,
      int updated,
      int skipped,
      int rejected,
      List<RowError> errors,
      List<ContactView> contacts) {}
}
