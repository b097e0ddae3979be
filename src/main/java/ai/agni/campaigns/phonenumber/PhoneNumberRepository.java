package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the {@code phone_numbers} table, plus the one campaign update a release makes; {@link
 * #find} is the read other features use.
 */
@Repository
public class PhoneNumberRepository {

  private final JdbcClient jdbc;

  PhoneNumberRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The organization's number (active or released), or empty when it is not the organization's. */
  public Optional<PhoneNumber> find(UUID organizationId, UUID id) {
    return jdbc.sql("SELECT * FROM phone_numbers WHERE organization_id = ? AND id = ?")
        .params(organizationId, id)
        .query(PhoneNumberRepository::map)
        .optional();
  }

  /** The number by id, locked until the transaction ends. */
  Optional<PhoneNumber> findForUpdate(UUID organizationId, UUID id) {
    return jdbc.sql("SELECT * FROM phone_numbers WHERE organization_id = ? AND id = ? FOR UPDATE")
        .params(organizationId, id)
        .query(PhoneNumberRepository::map)
        .optional();
  }

  /** The number by its E.164 form, locked until the transaction ends. */
  Optional<PhoneNumber> findByNumberForUpdate(UUID organizationId, String e164) {
    return jdbc.sql(
            "SELECT * FROM phone_numbers WHERE organization_id = ? AND phone_number = ?"
                + " FOR UPDATE")
        .params(organizationId, e164)
        .query(PhoneNumberRepository::map)
        .optional();
  }

  List<PhoneNumber> list(UUID organizationId, int limit, long offset) {
    return jdbc.sql(
            "SELECT * FROM phone_numbers WHERE organization_id = ? ORDER BY created_at, id"
                + " LIMIT ? OFFSET ?")
        .params(organizationId, limit, offset)
        .query(PhoneNumberRepository::map)
        .list();
  }

  long count(UUID organizationId) {
    return jdbc.sql("SELECT COUNT(*) FROM phone_numbers WHERE organization_id = ?")
        .param(organizationId)
        .query(Long.class)
        .single();
  }

  /** Inserts a new number; a concurrent import of the same number fails on the unique key. */
  void insert(PhoneNumber number) {
    jdbc.sql(
            """
            INSERT INTO phone_numbers (phone_number, friendly_name, provider, status,
                                       max_concurrent, max_cps, sip_trunk_uri, sip_username,
                                       sip_password, runtime_url, runtime_secret, updated_at,
                                       created_at, organization_id, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(settings(number))
        .params(Times.db(number.createdAt()), number.organizationId(), number.id())
        .update();
  }

  /** Replaces every setting of an existing number (re-import of a released number). */
  void replace(PhoneNumber number) {
    jdbc.sql(
            """
            UPDATE phone_numbers SET phone_number = ?, friendly_name = ?, provider = ?, status = ?,
                   max_concurrent = ?, max_cps = ?, sip_trunk_uri = ?, sip_username = ?,
                   sip_password = ?, runtime_url = ?, runtime_secret = ?, updated_at = ?
             WHERE organization_id = ? AND id = ?
            """)
        .params(settings(number))
        .params(number.organizationId(), number.id())
        .update();
  }

  void markReleased(UUID organizationId, UUID id, Instant now) {
    jdbc.sql(
            "UPDATE phone_numbers SET status = 'released', updated_at = ?"
                + " WHERE organization_id = ? AND id = ?")
        .params(Times.db(now), organizationId, id)
        .update();
  }

  /**
   * Pauses the organization's active campaigns that dial from this number; returns them. Part of
   * the release transaction, so no campaign stays active on a released number.
   */
  List<UUID> pauseActiveCampaigns(UUID organizationId, UUID phoneNumberId, Instant now) {
    // why select first: the paused campaigns are reported (campaign.paused webhook events).
    List<UUID> active =
        jdbc.sql(
                "SELECT id FROM campaigns WHERE organization_id = ? AND phone_number_id = ?"
                    + " AND status = 'active' ORDER BY id FOR UPDATE")
            .params(organizationId, phoneNumberId)
            .query(UUID.class)
            .list();
    List<UUID> paused = new ArrayList<>();
    for (UUID id : active) {
      if (jdbc.sql(
                  """
                  UPDATE campaigns SET status = 'paused', execution_status = 'paused',
                         updated_at = ?, version = version + 1
                   WHERE organization_id = ? AND id = ? AND status = 'active'
                  """)
              .params(Times.db(now), organizationId, id)
              .update()
          == 1) {
        paused.add(id);
      }
    }
    return paused;
  }

  private static Object[] settings(PhoneNumber number) {
    return new Object[] {
      number.phoneNumber(),
      number.friendlyName(),
      number.provider(),
      number.status(),
      number.maxConcurrent(),
      number.maxCps(),
      number.sipTrunkUri(),
      number.sipUsername(),
      number.sipPassword(),
      number.runtimeUrl(),
      number.runtimeSecret(),
      Times.db(number.updatedAt())
    };
  }

  private static PhoneNumber map(ResultSet rs, int row) throws SQLException {
    return new PhoneNumber(
        rs.getObject("id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        rs.getString("phone_number"),
        rs.getString("friendly_name"),
        rs.getString("provider"),
        rs.getString("status"),
        rs.getObject("max_concurrent", Integer.class),
        rs.getObject("max_cps", Double.class),
        rs.getString("sip_trunk_uri"),
        rs.getString("sip_username"),
        rs.getString("sip_password"),
        rs.getString("runtime_url"),
        rs.getString("runtime_secret"),
        Times.instant(rs, "created_at"),
        Times.instant(rs, "updated_at"));
  }
}
