package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.campaign.schedule.CalleeZones;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The compliance rules of docs/api.md §12 over whole campaigns run by the stepped engine, audited
 * from the call rows alone with the callee's local clock computed here (not by the code under
 * test): 20,000 contacts all over the world in their own zones, three running campaigns sharing
 * 2,000 of the numbers, the organization's calling hours 08:00–21:00 and a cap of 2 calls per 24 h,
 * blackout dates and a per-outcome retry policy. None of the calls breaks a rule, no number is in
 * two live calls at once, no cap is exceeded in any sliding window, retries are spaced as the
 * policy says, and every campaign's counters equal a recount.
 */
abstract class ComplianceEngineContract extends EngineTestSupport {

  /** A Monday in June: no zone of the list changes its offset during the run. */
  static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

  static final int CONTACTS = 20_000;
  static final int SHARED = 2_000;

  static final List<String> ZONES =
      List.of(
          "America/New_York",
          "America/Chicago",
          "America/Denver",
          "America/Los_Angeles",
          "America/Anchorage",
          "Pacific/Honolulu",
          "America/Sao_Paulo",
          "America/St_Johns",
          "Europe/London",
          "Europe/Berlin",
          "Africa/Casablanca",
          "Africa/Lagos",
          "Asia/Gaza",
          "Asia/Kolkata",
          "Asia/Kathmandu",
          "Asia/Shanghai",
          "Asia/Tokyo",
          "Australia/Sydney",
          "Australia/Lord_Howe",
          "Pacific/Auckland",
          "Pacific/Chatham",
          "Pacific/Kiritimati",
          "Pacific/Apia",
          "Antarctica/Troll");

  /** Area codes whose numbers carry their zones when the contact names none. */
  static final List<String> AREA_CODES = List.of("212", "312", "808", "415");

  static final LocalTime HOURS_START = LocalTime.of(8, 0);
  static final LocalTime HOURS_END = LocalTime.of(21, 0);
  static final Duration CAP_PERIOD = Duration.ofHours(24);
  static final int CAP_CALLS = 2;

  /** One campaign's rules as the audit reads them. */
  record Rules(
      LocalTime start,
      LocalTime end,
      Set<DayOfWeek> days,
      boolean contactZone,
      ZoneId campaignZone,
      Set<LocalDate> blackout) {}

  @Test
  void twentyThousandCalleesInTheirOwnZonesAreCalledOnlyWhenEveryRuleAllows() {
    EngineFixtures fixtures = fixtures();
    UUID org = fixtures.anOrganization(300, 50);
    fixtures.organizationRules(
        org, "08:00", "21:00", "[{\"max_calls\":" + CAP_CALLS + ",\"per_hours\":24}]");
    UUID agent = fixtures.anAgent(org);
    EngineFixtures.Line line = fixtures.aPhoneNumber(org, null, null);
    Random random = new Random(SEED);
    List<String> phones = new ArrayList<>();
    List<String> zones = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      boolean byNumber = i % 10 == 9;
      String area = byNumber ? AREA_CODES.get(random.nextInt(AREA_CODES.size())) : "646";
      phones.add("+1" + area + String.format("%07d", 2_000_000 + i));
      zones.add(byNumber ? null : ZONES.get(random.nextInt(ZONES.size())));
    }
    List<UUID> contacts = fixtures.contactsInZones(org, phones, zones);
    List<UUID> shared = contacts.subList(0, SHARED);

    EngineFixtures.CampaignRef weekdays =
        fixtures
            .aRunningCampaign()
            .in(org, agent, line)
            .withContactIds(contacts)
            .window("09:00", "20:00", "1,2,3,4,5", "UTC")
            .compliance("contact", "2026-06-02,2026-06-03", null)
            .maxConcurrent(200)
            .retries(2, 60)
            .create();
    EngineFixtures.CampaignRef policy =
        fixtures
            .aRunningCampaign()
            .in(org, agent, line)
            .withContactIds(shared)
            .window("07:00", "22:00", "0,1,2,3,4,5,6", "UTC")
            .compliance(
                "contact",
                "",
                "{\"no_answer\":{\"retry\":true,\"gapsMin\":[30,120]},\"busy\":{\"retry\":false}}")
            .maxConcurrent(60)
            .retries(2, 45)
            .create();
    EngineFixtures.CampaignRef campaignClock =
        fixtures
            .aRunningCampaign()
            .in(org, agent, line)
            .withContactIds(shared)
            .window("00:00", "23:59", "0,1,2,3,4,5,6", "UTC")
            .compliance("campaign", "2026-06-04", null)
            .maxConcurrent(60)
            .retries(1, 10)
            .create();
    Map<UUID, Rules> rules = new HashMap<>();
    rules.put(
        weekdays.id(),
        new Rules(
            LocalTime.of(9, 0),
            LocalTime.of(20, 0),
            Set.of(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY),
            true,
            ZoneId.of("UTC"),
            Set.of(LocalDate.parse("2026-06-02"), LocalDate.parse("2026-06-03"))));
    rules.put(
        policy.id(),
        new Rules(
            LocalTime.of(7, 0),
            LocalTime.of(22, 0),
            Set.of(DayOfWeek.values()),
            true,
            ZoneId.of("UTC"),
            Set.of()));
    rules.put(
        campaignClock.id(),
        new Rules(
            LocalTime.of(0, 0),
            LocalTime.of(23, 59),
            Set.of(DayOfWeek.values()),
            false,
            ZoneId.of("UTC"),
            Set.of(LocalDate.parse("2026-06-04"))));

    MutableClock clock = new MutableClock(START);
    ManualTaskTimer timer = new ManualTaskTimer();
    DialerEngine engine = newEngine(clock, timer);
    engine.wake();
    long wall = System.nanoTime();
    EngineStepper stepper = stepper(clock, timer, engine);
    boolean done =
        stepper.runUntil(
            START.plus(Duration.ofDays(21)),
            () -> rules.keySet().stream().allMatch(id -> campaignStatus(id).equals("completed")));
    System.out.printf(
        "[compliance] %s: %d contacts, 3 campaigns, %d polls, simulated %s, wall %d ms%n",
        getClass().getSimpleName(),
        CONTACTS,
        stepper.polls(),
        Duration.between(START, clock.instant()),
        (System.nanoTime() - wall) / 1_000_000);
    assertThat(done).as("all three campaigns completed").isTrue();

    List<Dial> dials =
        jdbc.sql(
                """
                SELECT c.campaign_id, c.contact_id, c.callee_number, c.attempt, c.status,
                       c.started_at, c.ended_at, k.zones
                FROM calls c JOIN contacts k ON k.id = c.contact_id
                WHERE c.organization_id = ? AND c.started_at IS NOT NULL
                """)
            .param(org)
            .query(
                (rs, n) ->
                    new Dial(
                        rs.getObject("campaign_id", UUID.class),
                        rs.getObject("contact_id", UUID.class),
                        rs.getString("callee_number"),
                        rs.getInt("attempt"),
                        rs.getString("status"),
                        Times.instant(rs, "started_at"),
                        Times.instant(rs, "ended_at"),
                        CalleeZones.parse(rs.getString("zones"))))
            .list();
    assertThat(dials.size()).as("calls placed").isGreaterThan(CONTACTS + 2 * SHARED - 1);

    int outside = 0;
    for (Dial d : dials) {
      if (!allowed(rules.get(d.campaignId()), d)) {
        outside++;
      }
    }
    assertThat(outside).as("calls outside a rule in the callee's local time").isZero();

    Map<String, List<Dial>> byNumber = new HashMap<>();
    dials.forEach(d -> byNumber.computeIfAbsent(d.callee(), k -> new ArrayList<>()).add(d));
    int overlaps = 0;
    int capExcesses = 0;
    int heldByCap = 0;
    for (List<Dial> calls : byNumber.values()) {
      calls.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
      for (int i = 1; i < calls.size(); i++) {
        if (calls.get(i).startedAt().isBefore(calls.get(i - 1).endedAt())) {
          overlaps++;
        }
      }
      for (int i = 0; i < calls.size(); i++) {
        Instant windowEnd = calls.get(i).startedAt().plus(CAP_PERIOD);
        int inWindow = 0;
        for (int j = i; j < calls.size() && calls.get(j).startedAt().isBefore(windowEnd); j++) {
          inWindow++;
        }
        if (inWindow > CAP_CALLS) {
          capExcesses++;
        }
      }
      if (calls.size() > CAP_CALLS
          && !calls
              .get(CAP_CALLS)
              .startedAt()
              .isBefore(calls.get(0).startedAt().plus(CAP_PERIOD))) {
        heldByCap++;
      }
    }
    assertThat(overlaps).as("numbers in two live calls at once").isZero();
    assertThat(capExcesses).as("sliding 24 h windows with more than 2 calls").isZero();
    assertThat(heldByCap)
        .as("numbers the cap made wait a day (the cap was exercised)")
        .isPositive();

    assertRetriesSpaced(dials, policy.id(), Map.of("no_answer", List.of(30, 120)), 45);
    assertRetriesSpaced(dials, weekdays.id(), Map.of(), 60);
    assertThat(
            dials.stream()
                .filter(d -> d.campaignId().equals(policy.id()) && d.status().equals("busy"))
                .filter(
                    busy ->
                        dials.stream()
                            .anyMatch(
                                d ->
                                    d.campaignId().equals(policy.id())
                                        && d.contactId().equals(busy.contactId())
                                        && d.attempt() > busy.attempt()))
                .count())
        .as("busy is never retried under the policy")
        .isZero();
    for (UUID campaign : rules.keySet()) {
      audit().assertCountersExact(campaign);
    }
  }

  /** One placed call as the audit reads it. */
  record Dial(
      UUID campaignId,
      UUID contactId,
      String callee,
      int attempt,
      String status,
      Instant startedAt,
      Instant endedAt,
      List<ZoneId> zones) {}

  /** Every rule, judged here with the callee's own wall clock. */
  private static boolean allowed(Rules rules, Dial d) {
    List<ZoneId> calleeZones = d.zones().isEmpty() ? List.of(rules.campaignZone()) : d.zones();
    List<ZoneId> windowZones = rules.contactZone() ? calleeZones : List.of(rules.campaignZone());
    for (ZoneId zone : windowZones) {
      LocalDateTime local = LocalDateTime.ofInstant(d.startedAt(), zone);
      if (!rules.days().contains(local.getDayOfWeek())
          || rules.blackout().contains(local.toLocalDate())
          || local.toLocalTime().isBefore(rules.start())
          || !local.toLocalTime().isBefore(rules.end())) {
        return false;
      }
    }
    for (ZoneId zone : calleeZones) {
      LocalTime local = LocalDateTime.ofInstant(d.startedAt(), zone).toLocalTime();
      if (local.isBefore(HOURS_START) || !local.isBefore(HOURS_END)) {
        return false;
      }
    }
    return true;
  }

  /** Each retry of the campaign waits at least its outcome's gap after the attempt before. */
  private static void assertRetriesSpaced(
      List<Dial> dials, UUID campaign, Map<String, List<Integer>> gaps, int defaultGap) {
    Map<UUID, List<Dial>> byContact = new HashMap<>();
    dials.stream()
        .filter(d -> d.campaignId().equals(campaign))
        .forEach(d -> byContact.computeIfAbsent(d.contactId(), k -> new ArrayList<>()).add(d));
    int retries = 0;
    for (List<Dial> attempts : byContact.values()) {
      attempts.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
      assertThat(attempts.size()).isLessThanOrEqualTo(3);
      for (int i = 1; i < attempts.size(); i++) {
        Dial before = attempts.get(i - 1);
        List<Integer> list = gaps.get(before.status());
        int gap = list == null ? defaultGap : list.get(Math.min(i, list.size()) - 1);
        assertThat(Duration.between(before.endedAt(), attempts.get(i).startedAt()))
            .as("retry %d of %s after %s", i, before.contactId(), before.status())
            .isGreaterThanOrEqualTo(Duration.ofMinutes(gap));
        retries++;
      }
    }
    assertThat(retries).as("retries happened in %s", campaign).isPositive();
  }
}
