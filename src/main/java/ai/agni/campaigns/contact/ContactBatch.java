package ai.agni.campaigns.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid rows waiting to be written together, one per phone. A later row with a phone already in the
 * batch is a duplicate of the earlier one: under {@code SKIP} it is dropped, under {@code UPDATE}
 * its fields are laid over the earlier row's, exactly as if the two were written one after the
 * other.
 */
public final class ContactBatch {

  /** What became of a row handed to {@link #add}. */
  public enum Added {
    /** Queued; the writer decides whether it creates, updates or skips. */
    QUEUED,
    /** Dropped as a duplicate of an earlier row (policy skip). */
    SKIPPED,
    /** Laid over an earlier row of the batch (policy update): it counts as an update. */
    MERGED
  }

  private final DuplicatePolicy policy;
  private final int capacity;
  private final Map<String, ContactFields> byPhone = new LinkedHashMap<>();

  public ContactBatch(DuplicatePolicy policy, int capacity) {
    this.policy = policy;
    this.capacity = capacity;
  }

  public Added add(ContactFields row) {
    ContactFields earlier = byPhone.get(row.phone());
    if (earlier == null) {
      byPhone.put(row.phone(), row);
      return Added.QUEUED;
    }
    if (policy == DuplicatePolicy.SKIP) {
      return Added.SKIPPED;
    }
    byPhone.put(row.phone(), earlier.then(row));
    return Added.MERGED;
  }

  public boolean isFull() {
    return byPhone.size() >= capacity;
  }

  public boolean isEmpty() {
    return byPhone.isEmpty();
  }

  public DuplicatePolicy policy() {
    return policy;
  }

  /** The queued rows, and the batch emptied for the next ones. */
  public List<ContactFields> drain() {
    List<ContactFields> rows = new ArrayList<>(byPhone.values());
    byPhone.clear();
    return rows;
  }
}
