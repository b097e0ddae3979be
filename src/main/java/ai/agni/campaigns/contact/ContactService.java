package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.queue.QueueRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The single-contact use cases and deletion; each write is one short transaction. */
@Service
class ContactService {

  static final int DELETE_CHUNK = 1_000;

  private final ContactRepository contacts;
  private final QueueRepository queue;
  private final TransactionTemplate tx;
  private final Clock clock;

  ContactService(
      ContactRepository contacts, QueueRepository queue, TransactionTemplate tx, Clock clock) {
    this.contacts = contacts;
    this.queue = queue;
    this.tx = tx;
    this.clock = clock;
  }

  Contact create(UUID organizationId, ContactFields fields) {
    Contact contact = fields.create(Ids.newId(), organizationId, clock.instant());
    requirePhoneFree(organizationId, contact.phone());
    try {
      contacts.insert(contact);
    } catch (DuplicateKeyException e) {
      throw phoneTaken(contact.phone());
    }
    return contact;
  }

  Contact get(UUID organizationId, String id) {
    return contacts
        .find(organizationId, requireId(id))
        .orElseThrow(() -> new NotFoundException("Contact", id));
  }

  List<Contact> list(UUID organizationId, ContactSearch search, PageParams page) {
    return contacts.list(organizationId, search, page);
  }

  long count(UUID organizationId, ContactSearch search) {
    return contacts.count(organizationId, search);
  }

  Contact patch(UUID organizationId, String id, ContactFields fields) {
    UUID contactId = requireId(id);
    try {
      return tx.execute(
          status -> {
            Contact old = lockOr404(organizationId, contactId, id);
            if (fields.sent().isEmpty()) {
              return old;
            }
            if (fields.has(ContactField.PHONE) && !fields.phone().equals(old.phone())) {
              requirePhoneFree(organizationId, fields.phone());
            }
            Contact updated = fields.applyTo(old, clock.instant());
            contacts.updateAll(List.of(updated));
            String zones = ContactRepository.zoneKey(updated);
            if (!zones.equals(ContactRepository.zoneKey(old))) {
              queue.rezone(organizationId, Map.of(updated.id(), zones));
            }
            return updated;
          });
    } catch (DuplicateKeyException e) {
      throw phoneTaken(fields.phone());
    }
  }

  /** Deletes the contact and its queue rows; 409 while it is in a live call. */
  Contact delete(UUID organizationId, String id) {
    UUID contactId = requireId(id);
    return tx.execute(
        status -> {
          Contact old = lockOr404(organizationId, contactId, id);
          queue.removeIdleEverywhere(organizationId, List.of(contactId));
          if (!queue.inCall(organizationId, List.of(contactId)).isEmpty()) {
            throw new ConflictException(
                "Contact " + id + " is in a live call; delete it when the call has ended");
          }
          contacts.deleteUnqueued(organizationId, List.of(contactId));
          return old;
        });
  }

  /**
   * Deletes those of the ids that are the organization's, in chunks of short transactions; ids of
   * other organizations are ignored, contacts in a live call are kept and reported.
   */
  BulkDeletion deleteAll(UUID organizationId, Set<UUID> ids) {
    List<UUID> all = new ArrayList<>(ids);
    Set<UUID> inCall = new TreeSet<>();
    int deleted = 0;
    for (int from = 0; from < all.size(); from += DELETE_CHUNK) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + DELETE_CHUNK));
      Integer count =
          tx.execute(
              status -> {
                queue.removeIdleEverywhere(organizationId, chunk);
                inCall.addAll(queue.inCall(organizationId, chunk));
                return contacts.deleteUnqueued(organizationId, chunk);
              });
      deleted += count == null ? 0 : count;
    }
    return new BulkDeletion(deleted, List.copyOf(inCall));
  }

  private void requirePhoneFree(UUID organizationId, String phone) {
    if (contacts.idByPhone(organizationId, phone).isPresent()) {
      throw phoneTaken(phone);
    }
  }

  private Contact lockOr404(UUID organizationId, UUID contactId, String id) {
    return contacts
        .lock(organizationId, contactId)
        .orElseThrow(() -> new NotFoundException("Contact", id));
  }

  private static UUID requireId(String id) {
    UUID contactId = Ids.parseOrNull(id);
    if (contactId == null) {
      throw new NotFoundException("Contact", id);
    }
    return contactId;
  }

  private static ConflictException phoneTaken(String phone) {
    return new ConflictException("A contact with phone " + phone + " already exists");
  }

  /** The answer of a bulk delete: how many went, and which were kept because of a live call. */
  record BulkDeletion(
      int deleted, @com.fasterxml.jackson.annotation.JsonProperty("in_call") List<UUID> inCall) {}
}
