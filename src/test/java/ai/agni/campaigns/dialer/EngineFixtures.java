package ai.agni.campaigns.dialer;

import ai.agni.campaigns.campaign.schedule.CalleeZones;
import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.testsupport.QueueRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Named builders of engine test data in plain SQL (columns as in V1__schema.sql), so engine tests
 * do not depend on the campaign API: {@code fixtures.aRunningCampaign().withContacts(50).create()}.
 */
final class EngineFixtures {

  private static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final AtomicInteger phones = new AtomicInteger();

  EngineFixtures(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  UUID anOrganization(int maxConcurrent, double maxCps) {
    UUID id = Ids.newId();
    jdbc.sql(
            """
            INSERT INTO organizations (id, name, default_region, outbound_max_concurrent,
              outbound_max_cps, webhook_secret, created_at) VALUES (?, ?, 'US', ?, ?, 's', ?)
            """)
        .params(id, "Org " + id, maxConcurrent, maxCps, Times.db(CREATED))
        .update();
    return id;
  }

  UUID anAgent(UUID org) {
    UUID id = Ids.newId();
    jdbc.sql(
            """
            INSERT INTO agents (id, organization_id, name, status, ring_duration_ms,
              max_call_duration_ms, webhook_urls, extra, created_at, updated_at)
            VALUES (?, ?, 'Agent', 'ACTIVE', 30000, 600000, '[]', '{}', ?, ?)
            """)
        .params(id, org, Times.db(CREATED), Times.db(CREATED))
        .update();
    return id;
  }

  Line aPhoneNumber(UUID org, Integer maxConcurrent, Double maxCps) {
    UUID id = Ids.newId();
    String number = "+1415" + (2000000 + (int) (Math.random() * 7999999));
    jdbc.sql(
            """
            INSERT INTO phone_numbers (id, organization_id, phone_number, provider, status,
              max_concurrent, max_cps, created_at, updated_at)
            VALUES (?, ?, ?, 'simulated', 'active', ?, ?, ?, ?)
            """)
        .params(id, org, number, maxConcurrent, maxCps, Times.db(CREATED), Times.db(CREATED))
        .update();
    return new Line(id, number);
  }

  /** Inserts {@code count} contacts of the organization and returns their ids. */
  List<UUID> contacts(UUID org, int count) {
    List<UUID> ids = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID id = Ids.newId();
      ids.add(id);
      String phone = "+1212" + String.format("%07d", phones.incrementAndGet());
      rows.add(new Object[] {id, org, "First" + i, phone, Times.db(CREATED), Times.db(CREATED)});
    }
    template.batchUpdate(
        """
        INSERT INTO contacts (id, organization_id, first_name, phone, metadata, tags, created_at,
          updated_at) VALUES (?, ?, ?, ?, '{}', '[]', ?, ?)
        """,
        rows);
    return ids;
  }

  /**
   * Inserts contacts with these phones and explicit time zones (null: the number's), their zones
   * resolved as the contacts API resolves them; returns their ids in order.
   */
  List<UUID> contactsInZones(UUID org, List<String> phones, List<String> zones) {
    List<UUID> ids = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < phones.size(); i++) {
      UUID id = Ids.newId();
      ids.add(id);
      rows.add(
          new Object[] {
            id,
            org,
            "First" + i,
            phones.get(i),
            zones.get(i),
            CalleeZones.keyOf(zones.get(i), phones.get(i)),
            Times.db(CREATED),
            Times.db(CREATED)
          });
    }
    template.batchUpdate(
        """
        INSERT INTO contacts (id, organization_id, first_name, phone, timezone, zones, metadata,
          tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '{}', '[]', ?, ?)
        """,
        rows);
    return ids;
  }

  /** The organization's calling hours (both null: none) and frequency caps (JSON). */
  void organizationRules(UUID org, String hoursStart, String hoursEnd, String capsJson) {
    jdbc.sql(
            "UPDATE organizations SET calling_hours_start = ?, calling_hours_end = ?,"
                + " frequency_caps = ? WHERE id = ?")
        .params(hoursStart, hoursEnd, capsJson, org)
        .update();
  }

  String phoneOf(UUID contactId) {
    return jdbc.sql("SELECT phone FROM contacts WHERE id = ?")
        .param(contactId)
        .query(String.class)
        .single();
  }

  void doNotCall(UUID org, String phone) {
    jdbc.sql("INSERT INTO dnc_numbers (organization_id, phone, created_at) VALUES (?, ?, ?)")
        .params(org, phone, Times.db(CREATED))
        .update();
  }

  void setStatus(UUID campaignId, String status) {
    String execution = status.equals("active") ? "running" : status;
    jdbc.sql("UPDATE campaigns SET status = ?, execution_status = ? WHERE id = ?")
        .params(status, execution, campaignId)
        .update();
    if (status.equals("active")) {
      // why: what the campaign API does on resume: the campaign has work now.
      jdbc.sql(
              "UPDATE campaign_queues SET next_work_at = ?, work_seq = work_seq + 1"
                  + " WHERE campaign_id = ?")
          .params(Times.db(CREATED), campaignId)
          .update();
    }
  }

  /**
   * A single call (create-call) waiting for capacity: its queued call row and its place in line.
   */
  UUID aWaitingCall(UUID org, UUID agent, Line line, String to, Instant at) {
    UUID session = Ids.newId();
    jdbc.sql(
            """
            INSERT INTO calls (id, organization_id, agent_id, phone_number_id, attempt, channel,
              caller_number, callee_number, status, provider, queued_at, version)
            VALUES (?, ?, ?, ?, 1, 'voice', ?, ?, 'queued', 'simulated', ?, 0)
            """)
        .params(session, org, agent, line.id(), line.number(), to, Times.db(at))
        .update();
    jdbc.sql("INSERT INTO waiting_calls (session_id, organization_id, queued_at) VALUES (?, ?, ?)")
        .params(session, org, Times.db(at))
        .update();
    return session;
  }

  CampaignBuilder aRunningCampaign() {
    return new CampaignBuilder();
  }

  /** A phone number of a test organization. */
  record Line(UUID id, String number) {}

  /** A campaign created by the builder. */
  record CampaignRef(UUID id, UUID organizationId, List<UUID> contactIds) {}

  /** Builds an active, running campaign with its queue; every value has a test-friendly default. */
  final class CampaignBuilder {
    private UUID org;
    private UUID agent;
    private Line line;
    private int contacts = 10;
    private List<UUID> contactIds;
    private String windowStart = "00:00";
    private String windowEnd = "23:59";
    private String windowDays = "0,1,2,3,4,5,6";
    private String timezone = "UTC";
    private Instant start;
    private Instant end;
    private int maxConcurrent = 5;
    private int retryAttempts = 2;
    private int retryGapMin = 30;
    private Integer outboundMaxConcurrent;
    private Double outboundMaxCps;
    private String windowTimezone = "campaign";
    private String blackoutDates = "";
    private String retryPolicy;

    /** Where the window is judged, the blackout dates (comma-separated) and the retry policy. */
    CampaignBuilder compliance(String windowTimezone, String blackoutDates, String retryPolicy) {
      this.windowTimezone = windowTimezone;
      this.blackoutDates = blackoutDates;
      this.retryPolicy = retryPolicy;
      return this;
    }

    CampaignBuilder in(UUID organizationId, UUID agentId, Line phoneLine) {
      this.org = organizationId;
      this.agent = agentId;
      this.line = phoneLine;
      return this;
    }

    CampaignBuilder withContacts(int count) {
      this.contacts = count;
      return this;
    }

    CampaignBuilder withContactIds(List<UUID> ids) {
      this.contactIds = ids;
      return this;
    }

    CampaignBuilder window(String from, String to, String days, String zone) {
      this.windowStart = from;
      this.windowEnd = to;
      this.windowDays = days;
      this.timezone = zone;
      return this;
    }

    CampaignBuilder between(Instant notBefore, Instant notAfter) {
      this.start = notBefore;
      this.end = notAfter;
      return this;
    }

    CampaignBuilder maxConcurrent(int value) {
      this.maxConcurrent = value;
      return this;
    }

    CampaignBuilder outbound(Integer concurrent, Double cps) {
      this.outboundMaxConcurrent = concurrent;
      this.outboundMaxCps = cps;
      return this;
    }

    CampaignBuilder retries(int attempts, int gapMinutes) {
      this.retryAttempts = attempts;
      this.retryGapMin = gapMinutes;
      return this;
    }

    CampaignRef create() {
      if (org == null) {
        org = anOrganization(100, 10);
        agent = anAgent(org);
        line = aPhoneNumber(org, null, null);
      }
      UUID id = Ids.newId();
      jdbc.sql(
              """
              INSERT INTO campaigns (id, organization_id, name, agent_id, phone_number_id,
                from_phone_number, status, execution_status, schedule_start, schedule_end,
                window_start, window_end, window_days, timezone, max_concurrent, retry_attempts,
                retry_gap_min, outbound_max_concurrent, outbound_max_cps, started_at, created_at,
                updated_at, version, window_timezone, blackout_dates, retry_policy)
              VALUES (?, ?, 'Campaign', ?, ?, ?, 'active', 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?, ?, 0, ?, ?, ?)
              """)
          .params(
              id,
              org,
              agent,
              line.id(),
              line.number(),
              Times.db(start),
              Times.db(end),
              windowStart,
              windowEnd,
              windowDays,
              timezone,
              maxConcurrent,
              retryAttempts,
              retryGapMin,
              outboundMaxConcurrent,
              outboundMaxCps,
              Times.db(CREATED),
              Times.db(CREATED),
              Times.db(CREATED),
              windowTimezone,
              blackoutDates,
              retryPolicy)
          .update();
      List<UUID> ids = contactIds != null ? contactIds : contacts(org, contacts);
      List<Object[]> rows = new ArrayList<>();
      for (UUID contact : ids) {
        rows.add(new Object[] {id, contact, org, Times.db(CREATED), Times.db(CREATED)});
      }
      template.batchUpdate(
          """
          INSERT INTO campaign_contacts (campaign_id, contact_id, organization_id, state, attempts,
            version, added_at, updated_at) VALUES (?, ?, ?, 'pending', 0, 0, ?, ?)
          """,
          rows);
      // why: as the queue's own add does, the rows carry their contacts' zones.
      jdbc.sql(
              "UPDATE campaign_contacts SET zone_key = COALESCE((SELECT c.zones FROM contacts c"
                  + " WHERE c.id = campaign_contacts.contact_id), '') WHERE campaign_id = ?")
          .param(id)
          .update();
      jdbc.sql(
              "INSERT INTO campaign_zones (campaign_id, zone_key) SELECT DISTINCT campaign_id,"
                  + " zone_key FROM campaign_contacts WHERE campaign_id = ?")
          .param(id)
          .update();
      QueueRows.sync(jdbc, id, CREATED);
      return new CampaignRef(id, org, ids);
    }
  }
}
