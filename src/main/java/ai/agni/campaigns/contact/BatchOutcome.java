package ai.agni.campaigns.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What one batch write did: contacts created, contacts updated, rows skipped as duplicates. */
public record BatchOutcome(List<Contact> created, List<Contact> updated, int skipped) {

  /** The ids of the created and updated contacts, e.g. to add them to a campaign. */
  public List<UUID> contactIds() {
    List<UUID> ids = new ArrayList<>(created.size() + updated.size());
    created.forEach(contact -> ids.add(contact.id()));
    updated.forEach(contact -> ids.add(contact.id()));
    return ids;
  }
}
