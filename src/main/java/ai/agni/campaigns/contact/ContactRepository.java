package ai.agni.campaigns.contact;

import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.campaign.schedule.CalleeZones;
import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** SQL of the {@code contacts} table; every call is scoped to one organization. */
@Repository
class ContactRepository {

  private static final String COLUMNS =
      "id, organization_id, first_name, last_name, email, phone, company, timezone, metadata,"
          + " tags, notes, created_at, updated_at, zones";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final ObjectMapper json;

  ContactRepository(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
    this.jdbc = jdbc;
    this.template = template;
    this.json = json;
  }

  Optional<Contact> find(UUID organizationId, UUID id) {
    return jdbc.sql("SELECT * FROM contacts WHERE organization_id = ? AND id = ?")
        .params(organizationId, id)
        .query(this::map)
        .optional();
  }

  /** The row locked for update, so that a concurrent patch or delete waits. */
  Optional<Contact> lock(UUID organizationId, UUID id) {
    return jdbc.sql("SELECT * FROM contacts WHERE organization_id = ? AND id = ? FOR UPDATE")
        .params(organizationId, id)
        .query(this::map)
        .optional();
  }

  Optional<UUID> idByPhone(UUID organizationId, String phone) {
    return jdbc.sql("SELECT id FROM contacts WHERE organization_id = ? AND phone = ?")
        .params(organizationId, phone)
        .query(UUID.class)
        .optional();
  }

  /**
   * The organization's contacts with these phones, in one statement. why: a join with the unnested
   * array is an index lookup per phone on both databases, where H2 scans the organization's rows
   * for {@code phone IN (...)} because phone is the second column of the unique index.
   */
  List<Contact> findByPhones(UUID organizationId, Collection<String> phones) {
    if (phones.isEmpty()) {
      return List.of();
    }
    return template.query(
        """
        SELECT c.* FROM UNNEST(?) AS wanted(phone)
        JOIN contacts c ON c.organization_id = ? AND c.phone = wanted.phone
        """,
        this::map,
        phones.toArray(String[]::new),
        organizationId);
  }

  List<Contact> list(UUID organizationId, ContactSearch search, PageParams page) {
    return jdbc.sql(
            "SELECT * FROM contacts WHERE organization_id = :org"
                + search.sql()
                + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
        .param("org", organizationId)
        .params(search.params())
        .param("limit", page.limit())
        .param("offset", page.offset())
        .query(this::map)
        .list();
  }

  long count(UUID organizationId, ContactSearch search) {
    return jdbc.sql("SELECT COUNT(*) FROM contacts WHERE organization_id = :org" + search.sql())
        .param("org", organizationId)
        .params(search.params())
        .query(Long.class)
        .single();
  }

  /** Throws {@code DuplicateKeyException} when the phone is taken. */
  void insert(Contact contact) {
    template.update(
        "INSERT INTO contacts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        insertValues(contact));
  }

  /**
   * Inserts in one batch statement. A phone taken meanwhile by another writer is left alone: its
   * entry in the answer is 0 (lost the race), 1 or {@code SUCCESS_NO_INFO} when inserted.
   */
  int[] insertAll(List<Contact> contacts) {
    if (contacts.isEmpty()) {
      return new int[0];
    }
    List<Object[]> rows = new ArrayList<>(contacts.size());
    contacts.forEach(contact -> rows.add(insertValues(contact)));
    return template.batchUpdate(
        "INSERT INTO contacts ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        rows);
  }

  /** Rewrites every field of the stored contacts, in one batch statement. */
  void updateAll(List<Contact> contacts) {
    if (contacts.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(contacts.size());
    for (Contact c : contacts) {
      rows.add(
          new Object[] {
            c.firstName(),
            c.lastName(),
            c.email(),
            c.phone(),
            c.company(),
            c.timezone(),
            json.writeValueAsString(c.metadata()),
            json.writeValueAsString(c.tags()),
            c.notes(),
            Times.db(c.updatedAt()),
            zoneKey(c),
            c.organizationId(),
            c.id()
          });
    }
    template.batchUpdate(
        """
        UPDATE contacts SET first_name = ?, last_name = ?, email = ?, phone = ?, company = ?,
               timezone = ?, metadata = ?, tags = ?, notes = ?, updated_at = ?, zones = ?
        WHERE organization_id = ? AND id = ?
        """,
        rows);
  }

  /** Deletes those of the ids that are the organization's and in no campaign; returns how many. */
  int deleteUnqueued(UUID organizationId, Collection<UUID> ids) {
    return jdbc.sql(
            """
            DELETE FROM contacts WHERE organization_id = :org AND id IN (:ids)
              AND NOT EXISTS (SELECT 1 FROM campaign_contacts cc WHERE cc.contact_id = contacts.id)
            """)
        .param("org", organizationId)
        .param("ids", ids)
        .update();
  }

  private Object[] insertValues(Contact c) {
    return new Object[] {
      c.id(),
      c.organizationId(),
      c.firstName(),
      c.lastName(),
      c.email(),
      c.phone(),
      c.company(),
      c.timezone(),
      json.writeValueAsString(c.metadata()),
      json.writeValueAsString(c.tags()),
      c.notes(),
      Times.db(c.createdAt()),
      Times.db(c.updatedAt()),
      zoneKey(c)
    };
  }

  /**
   * The contact's own time zones as stored (docs/api.md §12): resolved once here, whenever it is
   * written, never per dial.
   */
  static String zoneKey(Contact c) {
    return CalleeZones.keyOf(c.timezone(), c.phone());
  }

  private Contact map(ResultSet rs, int row) throws SQLException {
    List<String> tags = new ArrayList<>();
    json.readTree(rs.getString("tags")).forEach(tag -> tags.add(tag.asString()));
    JsonNode metadata = json.readTree(rs.getString("metadata"));
    return new Contact(
        rs.getObject("id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("email"),
        rs.getString("phone"),
        rs.getString("company"),
        rs.getString("timezone"),
        (ObjectNode) metadata,
        List.copyOf(tags),
        rs.getString("notes"),
        Times.instant(rs, "created_at"),
        Times.instant(rs, "updated_at"));
  }
}
