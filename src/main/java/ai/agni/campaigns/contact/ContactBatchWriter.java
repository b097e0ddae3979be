package ai.agni.campaigns.contact;

import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.queue.QueueRepository;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of contact rows with three statements whatever its size: one select of the phones
 * the organization already has, one batch insert, one batch update, in one short transaction. Used
 * by the bulk API and the CSV import.
 */
@Service
public class ContactBatchWriter {

  /** Rows per batch: large enough to amortise round trips, small enough for short transactions. */
  public static final int BATCH_SIZE = 1_000;

  private static final Logger log = LoggerFactory.getLogger(ContactBatchWriter.class);

  private final ContactRepository contacts;
  private final QueueRepository queue;
  private final TransactionTemplate tx;
  private final Clock clock;

  ContactBatchWriter(
      ContactRepository contacts, QueueRepository queue, TransactionTemplate tx, Clock clock) {
    this.contacts = contacts;
    this.queue = queue;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Writes the batch's rows (at most {@link #BATCH_SIZE}), then runs {@code alsoInTransaction} with
   * the outcome before committing, so that follow-up writes (campaign membership) are atomic with
   * the contacts.
   */
  public BatchOutcome write(
      UUID organizationId, ContactBatch batch, Consumer<BatchOutcome> alsoInTransaction) {
    List<ContactFields> rows = batch.drain();
    if (rows.isEmpty()) {
      return new BatchOutcome(List.of(), List.of(), 0);
    }
    return tx.execute(
        status -> {
          BatchOutcome outcome = writeRows(organizationId, rows, batch.policy());
          alsoInTransaction.accept(outcome);
          return outcome;
        });
  }

  private BatchOutcome writeRows(
      UUID organizationId, List<ContactFields> rows, DuplicatePolicy policy) {
    Instant now = clock.instant();
    Map<String, Contact> existing = new HashMap<>();
    contacts
        .findByPhones(organizationId, rows.stream().map(ContactFields::phone).toList())
        .forEach(contact -> existing.put(contact.phone(), contact));
    List<Contact> toCreate = new ArrayList<>();
    List<Contact> toUpdate = new ArrayList<>();
    Map<UUID, String> rezoned = new HashMap<>();
    int skipped = 0;
    for (ContactFields row : rows) {
      Contact old = existing.get(row.phone());
      if (old == null) {
        toCreate.add(row.create(Ids.newId(), organizationId, now));
      } else if (policy == DuplicatePolicy.UPDATE) {
        Contact updated = row.applyTo(old, now);
        toUpdate.add(updated);
        String zones = ContactRepository.zoneKey(updated);
        if (!zones.equals(ContactRepository.zoneKey(old))) {
          rezoned.put(updated.id(), zones);
        }
      } else {
        skipped++;
      }
    }
    List<Contact> created = inserted(toCreate, contacts.insertAll(toCreate));
    skipped += toCreate.size() - created.size();
    contacts.updateAll(toUpdate);
    // why: a changed timezone moves the contact's queue rows to its new zone group at once.
    queue.rezone(organizationId, rezoned);
    return new BatchOutcome(created, toUpdate, skipped);
  }

  /** The contacts actually inserted; one whose phone another writer took meanwhile is skipped. */
  private static List<Contact> inserted(List<Contact> attempted, int[] counts) {
    List<Contact> created = new ArrayList<>(attempted.size());
    for (int i = 0; i < attempted.size(); i++) {
      if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
        created.add(attempted.get(i));
      } else {
        log.debug(
            "Phone {} was inserted by a concurrent writer; row skipped", attempted.get(i).phone());
      }
    }
    return created;
  }
}
