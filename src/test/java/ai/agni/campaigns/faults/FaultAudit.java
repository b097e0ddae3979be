package ai.agni.campaigns.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The audit of a fault run, from the private database (plain JDBC) and the API's campaign objects.
 * Each check adds {@link Violation}s; {@link #summary} tells what was measured. The checks:
 *
 * <ol>
 *   <li>every contact final, every campaign completed;
 *   <li>contactStats (API) equal a recount of the queue rows, and each contact's final state
 *       follows from its calls;
 *   <li>no two calls of one contact overlap in time;
 *   <li>attempts per contact at most 1 + retryAttempts and equal to its placed calls (numbered
 *       1..n);
 *   <li>retry gaps honoured;
 *   <li>concurrency and calls-per-second caps per campaign, number and organization;
 *   <li>no live call left (live_calls, live_counts, calls without an end);
 *   <li>no lost outcome (lease_expired), node_lost only for calls live on a killed node, SIGTERM
 *       drains;
 *   <li>completedAt soon after the campaign's last call;
 *   <li>no node exited by itself, every restarted node became healthy, no API answer other than
 *       200, 503 or 429 while polling.
 * </ol>
 */
final class FaultAudit {

  /** Timestamps are compared with this slack: the database keeps microseconds. */
  static final Duration SLACK = Duration.ofMillis(1);

  /** How long after its last call a campaign may become completed. */
  static final Duration COMPLETION_BOUND = Duration.ofSeconds(30);

  /** How late a SIGTERM'd node may still place a call (the signal's delivery). */
  static final Duration SIGTERM_DELIVERY = Duration.ofMillis(250);

  private static final Set<String> FINAL = Set.of("successful", "no_answer", "failed");
  private static final Set<String> LIVE = Set.of("queued", "ringing", "in_progress");
  private static final Set<String> NOT_RETRYABLE = Set.of("invalid_number", "dnc");

  record Violation(String check, String message) {}

  record Call(
      UUID id,
      UUID campaignId,
      UUID contactId,
      UUID numberId,
      int attempt,
      String status,
      String reason,
      String node,
      Instant startedAt,
      Instant endedAt,
      boolean countsAsAttempt) {}

  record QueueRow(
      UUID campaignId,
      UUID contactId,
      String state,
      int attempts,
      String lastOutcome,
      String lastReason) {}

  record CampaignRow(
      UUID id,
      String name,
      String status,
      UUID numberId,
      int maxConcurrent,
      int retryAttempts,
      int retryGapMin,
      Integer outboundMaxConcurrent,
      Double outboundMaxCps,
      Instant startedAt,
      Instant completedAt) {}

  record NumberRow(UUID id, String phone, Integer maxConcurrent, Double maxCps) {}

  private final UUID orgId;
  private final Map<UUID, JsonNode> apiCampaigns;
  private final FaultTimeline timeline;
  private final Duration shutdownGrace;
  private final List<Violation> violations = new ArrayList<>();
  private final StringBuilder summary = new StringBuilder();

  private List<Call> calls;
  private List<QueueRow> queue;
  private Map<UUID, CampaignRow> campaigns;
  private Map<UUID, NumberRow> numbers;
  private int orgMaxConcurrent;
  private double orgMaxCps;

  FaultAudit(
      UUID orgId,
      Map<UUID, JsonNode> apiCampaigns,
      FaultTimeline timeline,
      Duration shutdownGrace) {
    this.orgId = orgId;
    this.apiCampaigns = apiCampaigns;
    this.timeline = timeline;
    this.shutdownGrace = shutdownGrace;
  }

  List<Violation> violations() {
    return violations;
  }

  String summary() {
    return summary.toString();
  }

  /** Runs every check on the database as it is now. */
  void run(Connection db) throws SQLException {
    load(db);
    overview();
    checkFinal();
    checkStats();
    checkOverlaps();
    checkAttempts();
    checkRetryGaps();
    checkCaps();
    checkNothingLive(db);
    checkLostOutcomes();
    checkCompletion();
    checkNodes();
  }

  // ---------------------------------------------------------------- loading

  private void load(Connection db) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT outbound_max_concurrent, outbound_max_cps FROM organizations WHERE id = ?")) {
      s.setObject(1, orgId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        orgMaxConcurrent = rs.getInt(1);
        orgMaxCps = rs.getDouble(2);
      }
    }
    campaigns = new LinkedHashMap<>();
    for (CampaignRow c :
        query(
            db,
            """
            SELECT id, name, status, phone_number_id, max_concurrent, retry_attempts, retry_gap_min,
                   outbound_max_concurrent, outbound_max_cps, started_at, completed_at
            FROM campaigns WHERE organization_id = ? ORDER BY name
            """,
            rs ->
                new CampaignRow(
                    uuid(rs, "id"),
                    rs.getString("name"),
                    rs.getString("status"),
                    uuid(rs, "phone_number_id"),
                    rs.getInt("max_concurrent"),
                    rs.getInt("retry_attempts"),
                    rs.getInt("retry_gap_min"),
                    (Integer) rs.getObject("outbound_max_concurrent"),
                    (Double) rs.getObject("outbound_max_cps"),
                    instant(rs, "started_at"),
                    instant(rs, "completed_at")))) {
      campaigns.put(c.id(), c);
    }
    numbers = new LinkedHashMap<>();
    for (NumberRow n :
        query(
            db,
            "SELECT id, phone_number, max_concurrent, max_cps FROM phone_numbers"
                + " WHERE organization_id = ? ORDER BY phone_number",
            rs ->
                new NumberRow(
                    uuid(rs, "id"),
                    rs.getString("phone_number"),
                    (Integer) rs.getObject("max_concurrent"),
                    (Double) rs.getObject("max_cps")))) {
      numbers.put(n.id(), n);
    }
    calls =
        query(
            db,
            """
            SELECT id, campaign_id, contact_id, phone_number_id, attempt, status, disconnect_reason,
                   node, started_at, ended_at, counts_as_attempt
            FROM calls WHERE organization_id = ? ORDER BY started_at, id
            """,
            rs ->
                new Call(
                    uuid(rs, "id"),
                    uuid(rs, "campaign_id"),
                    uuid(rs, "contact_id"),
                    uuid(rs, "phone_number_id"),
                    rs.getInt("attempt"),
                    rs.getString("status"),
                    rs.getString("disconnect_reason"),
                    rs.getString("node"),
                    instant(rs, "started_at"),
                    instant(rs, "ended_at"),
                    !Boolean.FALSE.equals(rs.getObject("counts_as_attempt"))));
    queue =
        query(
            db,
            """
            SELECT campaign_id, contact_id, state, attempts, last_outcome, last_reason
            FROM campaign_contacts WHERE organization_id = ?
            """,
            rs ->
                new QueueRow(
                    uuid(rs, "campaign_id"),
                    uuid(rs, "contact_id"),
                    rs.getString("state"),
                    rs.getInt("attempts"),
                    rs.getString("last_outcome"),
                    rs.getString("last_reason")));
  }

  // ---------------------------------------------------------------- overview

  private void overview() {
    line(
        "calls: %d placed, %d contacts in %d campaigns",
        calls.size(), queue.size(), campaigns.size());
    Map<String, Integer> byOutcome = new TreeMap<>();
    Map<String, Integer> byReason = new TreeMap<>();
    Map<String, Integer> byNode = new TreeMap<>();
    for (Call c : calls) {
      byOutcome.merge(c.status(), 1, Integer::sum);
      byReason.merge(c.status() + "/" + c.reason(), 1, Integer::sum);
      byNode.merge(String.valueOf(c.node()), 1, Integer::sum);
    }
    line("  by outcome: %s", byOutcome);
    line("  by outcome/reason: %s", byReason);
    line("  by node: %s", byNode);
    for (CampaignRow c : campaigns.values()) {
      Map<String, Integer> states = new TreeMap<>();
      Map<Integer, Integer> attempts = new TreeMap<>();
      queue.stream()
          .filter(q -> q.campaignId().equals(c.id()))
          .forEach(
              q -> {
                states.merge(q.state(), 1, Integer::sum);
                attempts.merge(q.attempts(), 1, Integer::sum);
              });
      long placed = calls.stream().filter(x -> c.id().equals(x.campaignId())).count();
      line(
          "  campaign %s: %s, %d calls, contacts by state %s, by attempts %s, ran %s",
          c.name(),
          c.status(),
          placed,
          states,
          attempts,
          c.startedAt() == null || c.completedAt() == null
              ? "-"
              : seconds(Duration.between(c.startedAt(), c.completedAt())));
    }
  }

  // ---------------------------------------------------------------- 1. final

  private void checkFinal() {
    String check = "1 final";
    int notFinal = 0;
    for (QueueRow q : queue) {
      if (!FINAL.contains(q.state())) {
        notFinal++;
        add(
            check,
            "contact %s of campaign %s is still %s (attempts %d, last %s/%s)",
            q.contactId(),
            name(q.campaignId()),
            q.state(),
            q.attempts(),
            q.lastOutcome(),
            q.lastReason());
      }
    }
    for (CampaignRow c : campaigns.values()) {
      if (!"completed".equals(c.status())) {
        add(check, "campaign %s is %s, not completed", c.name(), c.status());
      }
    }
    line("[1] contacts not final: %d of %d", notFinal, queue.size());
  }

  // ---------------------------------------------------------------- 2. stats

  private void checkStats() {
    String check = "2 contactStats";
    for (CampaignRow c : campaigns.values()) {
      Map<String, Integer> recount = new TreeMap<>();
      for (String k :
          List.of(
              "total", "pending", "inProgress", "successful", "noAnswer", "failed", "contacted")) {
        recount.put(k, 0);
      }
      for (QueueRow q : queue) {
        if (!q.campaignId().equals(c.id())) {
          continue;
        }
        recount.merge("total", 1, Integer::sum);
        recount.merge(statKey(q.state()), 1, Integer::sum);
        if (q.attempts() - ("in_progress".equals(q.state()) ? 1 : 0) > 0) {
          recount.merge("contacted", 1, Integer::sum);
        }
      }
      JsonNode api = apiCampaigns.get(c.id());
      if (api == null) {
        add(check, "campaign %s: no API answer to compare", c.name());
        continue;
      }
      Map<String, Integer> served = new TreeMap<>();
      for (String k : recount.keySet()) {
        JsonNode v = api.path("contactStats").get(k);
        served.put(k, v == null || v.isNull() ? -1 : v.asInt());
      }
      line("[2] campaign %s contactStats %s (recount %s)", c.name(), served, recount);
      if (!served.equals(recount)) {
        add(
            check,
            "campaign %s: API contactStats %s, recount of its queue rows %s",
            c.name(),
            served,
            recount);
      }
    }
    String follows = "2 state follows calls";
    Map<List<UUID>, List<Call>> byContact = callsByCampaignContact();
    int checked = 0;
    for (QueueRow q : queue) {
      if (!FINAL.contains(q.state())) {
        continue;
      }
      checked++;
      CampaignRow c = campaigns.get(q.campaignId());
      List<Call> mine = byContact.getOrDefault(List.of(q.campaignId(), q.contactId()), List.of());
      List<Call> counted = mine.stream().filter(Call::countsAsAttempt).toList();
      if (counted.isEmpty()) {
        add(
            follows,
            "contact %s of %s is %s without any placed call",
            q.contactId(),
            c.name(),
            q.state());
        continue;
      }
      Call last = counted.get(counted.size() - 1);
      boolean exhausted = counted.size() >= 1 + c.retryAttempts();
      String expected;
      if ("completed".equals(last.status())) {
        expected = "successful";
      } else if (LIVE.contains(last.status())) {
        expected = "in_progress";
      } else if ("failed".equals(last.status()) && NOT_RETRYABLE.contains(last.reason())) {
        expected = "failed";
      } else if (!exhausted) {
        expected = "pending";
      } else {
        expected = "failed".equals(last.status()) ? "failed" : "no_answer";
      }
      if (!expected.equals(q.state())) {
        add(
            follows,
            "contact %s of %s is %s but its %d calls (last %s/%s) make it %s",
            q.contactId(),
            c.name(),
            q.state(),
            counted.size(),
            last.status(),
            last.reason(),
            expected);
      }
    }
    line("[2] final contacts whose state was derived from their calls: %d", checked);
  }

  private static String statKey(String state) {
    return switch (state) {
      case "in_progress" -> "inProgress";
      case "no_answer" -> "noAnswer";
      default -> state;
    };
  }

  // ---------------------------------------------------------------- 3. overlaps

  private void checkOverlaps() {
    String check = "3 overlap";
    Map<UUID, List<Call>> byContact = new HashMap<>();
    calls.stream()
        .filter(c -> c.contactId() != null && c.startedAt() != null)
        .forEach(c -> byContact.computeIfAbsent(c.contactId(), k -> new ArrayList<>()).add(c));
    int pairs = 0;
    for (List<Call> list : byContact.values()) {
      list.sort(Comparator.comparing(Call::startedAt));
      Call longest = null;
      for (Call c : list) {
        if (longest != null) {
          pairs++;
          Instant end = endOf(longest);
          if (c.startedAt().isBefore(end)) {
            add(
                check,
                "contact %s: call %s (attempt %d, %s..%s on %s) overlaps call %s (attempt %d, %s..%s on %s)",
                c.contactId(),
                longest.id(),
                longest.attempt(),
                timeline.t(longest.startedAt()),
                timeline.t(longest.endedAt()),
                longest.node(),
                c.id(),
                c.attempt(),
                timeline.t(c.startedAt()),
                timeline.t(c.endedAt()),
                c.node());
          }
        }
        if (longest == null || endOf(c).isAfter(endOf(longest))) {
          longest = c;
        }
      }
    }
    line("[3] consecutive call pairs of one contact checked for overlap: %d", pairs);
  }

  // ---------------------------------------------------------------- 4. attempts

  private void checkAttempts() {
    String check = "4 attempts";
    Map<List<UUID>, List<Call>> byContact = callsByCampaignContact();
    int over = 0;
    int mismatched = 0;
    int numbering = 0;
    for (QueueRow q : queue) {
      CampaignRow c = campaigns.get(q.campaignId());
      List<Call> counted =
          byContact.getOrDefault(List.of(q.campaignId(), q.contactId()), List.of()).stream()
              .filter(Call::countsAsAttempt)
              .toList();
      if (q.attempts() > 1 + c.retryAttempts()) {
        over++;
        add(
            check,
            "contact %s of %s: %d attempts > 1 + retryAttempts %d",
            q.contactId(),
            c.name(),
            q.attempts(),
            c.retryAttempts());
      }
      if (q.attempts() != counted.size()) {
        mismatched++;
        add(
            check,
            "contact %s of %s: attempts %d but %d placed calls %s (state %s, last %s/%s)",
            q.contactId(),
            c.name(),
            q.attempts(),
            counted.size(),
            counted.stream().map(x -> x.attempt() + ":" + x.status() + "/" + x.reason()).toList(),
            q.state(),
            q.lastOutcome(),
            q.lastReason());
      }
      List<Integer> numbers = counted.stream().map(Call::attempt).sorted().toList();
      for (int i = 0; i < numbers.size(); i++) {
        if (numbers.get(i) != i + 1) {
          numbering++;
          add(
              check,
              "contact %s of %s: its calls are numbered %s, not 1..%d",
              q.contactId(),
              c.name(),
              numbers,
              numbers.size());
          break;
        }
      }
    }
    line(
        "[4] contacts over the attempt budget: %d; attempts != placed calls: %d; misnumbered: %d",
        over, mismatched, numbering);
  }

  // ---------------------------------------------------------------- 5. retry gaps

  private void checkRetryGaps() {
    String check = "5 retry gap";
    Map<List<UUID>, List<Call>> byContact = callsByCampaignContact();
    int gaps = 0;
    Duration shortest = null;
    for (Map.Entry<List<UUID>, List<Call>> e : byContact.entrySet()) {
      CampaignRow c = campaigns.get(e.getKey().get(0));
      Duration gap = Duration.ofMinutes(c.retryGapMin());
      List<Call> list = new ArrayList<>(e.getValue());
      list.removeIf(x -> x.startedAt() == null);
      list.sort(Comparator.comparing(Call::startedAt));
      for (int i = 1; i < list.size(); i++) {
        Call prev = list.get(i - 1);
        Call next = list.get(i);
        gaps++;
        Duration seen = Duration.between(endOf(prev), next.startedAt());
        if (shortest == null || seen.compareTo(shortest) < 0) {
          shortest = seen;
        }
        if (seen.plus(SLACK).compareTo(gap) < 0) {
          add(
              check,
              "contact %s of %s: attempt %d started %s, %s after attempt %d ended (%s/%s at %s); gap %d min",
              next.contactId(),
              c.name(),
              next.attempt(),
              timeline.t(next.startedAt()),
              seconds(seen),
              prev.attempt(),
              prev.status(),
              prev.reason(),
              timeline.t(prev.endedAt()),
              c.retryGapMin());
        }
      }
    }
    line(
        "[5] retry gaps checked: %d; shortest %s",
        gaps, shortest == null ? "-" : seconds(shortest));
  }

  // ---------------------------------------------------------------- 6. caps

  private void checkCaps() {
    line("[6] caps (concurrency: calls with started_at <= t < ended_at; cps: starts in [s, s+w))");
    for (CampaignRow c : campaigns.values()) {
      int concurrent =
          Math.min(
              c.maxConcurrent(),
              c.outboundMaxConcurrent() == null ? orgMaxConcurrent : c.outboundMaxConcurrent());
      double cps = c.outboundMaxCps() == null ? orgMaxCps : c.outboundMaxCps();
      layer("campaign " + c.name(), x -> c.id().equals(x.campaignId()), concurrent, cps);
    }
    for (NumberRow n : numbers.values()) {
      layer("number " + n.phone(), x -> n.id().equals(x.numberId()), n.maxConcurrent(), n.maxCps());
    }
    layer("organization", x -> true, orgMaxConcurrent, orgMaxCps);
  }

  private void layer(
      String name,
      java.util.function.Predicate<Call> member,
      Integer concurrencyCap,
      Double cpsCap) {
    List<Call> mine = calls.stream().filter(c -> c.startedAt() != null).filter(member).toList();
    Concurrency conc = concurrency(mine, concurrencyCap);
    String concText =
        "peak %d live (cap %s) at %s"
            .formatted(
                conc.peak(),
                concurrencyCap == null ? "none" : concurrencyCap,
                timeline.t(conc.peakAt()));
    if (conc.momentsOver() > 0) {
      add(
          "6 concurrency",
          "%s: %d calls live at %s > cap %d; %d moments over the cap, first at %s",
          name,
          conc.peak(),
          timeline.t(conc.peakAt()),
          concurrencyCap,
          conc.momentsOver(),
          timeline.t(conc.firstOver()));
    }
    String rateText = "no cps cap";
    if (cpsCap != null && cpsCap > 0) {
      List<Instant> starts = mine.stream().map(Call::startedAt).sorted().toList();
      Rate strict = rate(starts, cpsCap, Duration.ZERO);
      Rate rate = rate(starts, cpsCap, SLACK);
      rateText =
          "max %d starts in a %s window (limit %d; %d with no slack), %d windows checked, %d over"
              .formatted(
                  rate.max(),
                  seconds(rate.window()),
                  rate.limit(),
                  strict.max(),
                  rate.windows(),
                  rate.over());
      if (rate.over() > 0) {
        add(
            "6 cps",
            "%s at %s cps: %d of %d windows of %s held more than %d starts; max %d in the window from %s; e.g. %s",
            name,
            fmt(cpsCap),
            rate.over(),
            rate.windows(),
            seconds(rate.window()),
            rate.limit(),
            rate.max(),
            timeline.t(rate.maxAt()),
            rate.examples());
      }
    }
    line("  %s: %d calls; %s; %s", name, mine.size(), concText, rateText);
  }

  /**
   * One walk over the live calls: the most live at one instant and when, and how many instants
   * (event points) had more than the cap, and the first of them.
   */
  record Concurrency(int peak, Instant peakAt, int momentsOver, Instant firstOver) {}

  /** Live calls over [started, ended); ends go before starts. {@code cap} null: no cap. */
  private Concurrency concurrency(List<Call> mine, Integer cap) {
    int live = 0;
    int peak = 0;
    Instant peakAt = null;
    int over = 0;
    Instant firstOver = null;
    for (Map.Entry<Instant, int[]> e : events(mine).entrySet()) {
      live -= e.getValue()[1];
      live += e.getValue()[0];
      if (live > peak) {
        peak = live;
        peakAt = e.getKey();
      }
      if (cap != null && live > cap) {
        over++;
        firstOver = firstOver == null ? e.getKey() : firstOver;
      }
    }
    return new Concurrency(peak, peakAt, over, firstOver);
  }

  private TreeMap<Instant, int[]> events(List<Call> mine) {
    TreeMap<Instant, int[]> events = new TreeMap<>();
    for (Call c : mine) {
      events.computeIfAbsent(c.startedAt(), k -> new int[2])[0]++;
      events.computeIfAbsent(endOf(c), k -> new int[2])[1]++;
    }
    return events;
  }

  record Rate(
      int max,
      Instant maxAt,
      int limit,
      Duration window,
      int windows,
      int over,
      List<String> examples) {}

  /**
   * Starts in every window [s, s + w - slack) anchored at a start s: for a rate r of at least 1, w
   * is one second and holds at most ceil(r) starts; below 1, w is 1/r and holds one.
   */
  private Rate rate(List<Instant> starts, double cps, Duration slack) {
    Duration window =
        cps >= 1 ? Duration.ofSeconds(1) : Duration.ofNanos(Math.round(1_000_000_000L / cps));
    int limit = cps >= 1 ? (int) Math.ceil(cps - 1e-9) : 1;
    Duration span = window.minus(slack);
    int max = 0;
    Instant maxAt = null;
    int over = 0;
    List<String> examples = new ArrayList<>();
    int to = 0;
    for (int from = 0; from < starts.size(); from++) {
      Instant end = starts.get(from).plus(span);
      if (to < from) {
        to = from;
      }
      while (to < starts.size() && starts.get(to).isBefore(end)) {
        to++;
      }
      int n = to - from;
      if (n > max) {
        max = n;
        maxAt = starts.get(from);
      }
      if (n > limit) {
        over++;
        if (examples.size() < 3) {
          examples.add("%d from %s".formatted(n, timeline.t(starts.get(from))));
        }
      }
    }
    return new Rate(max, maxAt, limit, window, starts.size(), over, examples);
  }

  // ---------------------------------------------------------------- 7. nothing live

  private void checkNothingLive(Connection db) throws SQLException {
    String check = "7 live left";
    List<String> live =
        query(
            db,
            "SELECT session_id, node, state, campaign_id FROM live_calls WHERE organization_id = ?",
            rs ->
                rs.getString("session_id")
                    + " on "
                    + rs.getString("node")
                    + " ("
                    + rs.getString("state")
                    + ")");
    live.forEach(l -> add(check, "live_calls still holds %s", l));
    List<String> counts =
        query(
            db,
            "SELECT campaign_key, phone_number_id, live FROM live_counts WHERE organization_id = ? AND live <> 0",
            rs ->
                rs.getString("campaign_key")
                    + "/"
                    + rs.getString("phone_number_id")
                    + " = "
                    + rs.getInt("live"));
    counts.forEach(l -> add(check, "live_counts not zero: %s", l));
    int open = 0;
    for (Call c : calls) {
      if (c.endedAt() == null || LIVE.contains(c.status()) || c.startedAt() == null) {
        open++;
        add(
            check,
            "call %s (contact %s, %s) has status %s, started %s, ended %s",
            c.id(),
            c.contactId(),
            c.node(),
            c.status(),
            timeline.t(c.startedAt()),
            timeline.t(c.endedAt()));
      }
    }
    line(
        "[7] live_calls rows: %d; live_counts not zero: %d; calls without an end: %d",
        live.size(), counts.size(), open);
  }

  // ---------------------------------------------------------------- 8. lost outcomes

  private void checkLostOutcomes() {
    List<FaultTimeline.Kill> kills = timeline.kills();
    List<FaultTimeline.Sigterm> sigterms = timeline.sigterms();
    List<FaultTimeline.PgRestart> outages = timeline.pgRestarts();
    int leaseExpired = 0;
    int nodeLost = 0;
    int nodeLostExplained = 0;
    int nodeLostAtSigterm = 0;
    for (Call c : calls) {
      if (c.startedAt() == null) {
        continue; // reported by check 7
      }
      if ("lease_expired".equals(c.reason())) {
        leaseExpired++;
        add(
            "8 lost outcome",
            "call %s (contact %s, %s, %s..%s) ended failed/lease_expired: its outcome was lost%s",
            c.id(),
            c.contactId(),
            c.node(),
            timeline.t(c.startedAt()),
            timeline.t(c.endedAt()),
            context(c, kills, outages));
      } else if ("node_lost".equals(c.reason())) {
        nodeLost++;
        if (liveAtSigterm(c, sigterms)) {
          nodeLostAtSigterm++;
          continue; // judged by the SIGTERM drain below
        }
        boolean killed =
            kills.stream()
                .anyMatch(
                    k ->
                        k.node().equals(c.node())
                            && !c.startedAt().isAfter(k.after())
                            && !endOf(c).isBefore(k.before()));
        if (killed) {
          nodeLostExplained++;
        } else {
          add(
              "8 node_lost",
              "call %s (contact %s, %s, %s..%s) ended node_lost but was live on no killed node%s",
              c.id(),
              c.contactId(),
              c.node(),
              timeline.t(c.startedAt()),
              timeline.t(c.endedAt()),
              context(c, kills, outages));
        }
      }
    }
    line(
        "[8] lease_expired: %d; node_lost: %d (%d live on a node when it was killed, %d live on a"
            + " node at its SIGTERM, %d neither)",
        leaseExpired,
        nodeLost,
        nodeLostExplained,
        nodeLostAtSigterm,
        nodeLost - nodeLostExplained - nodeLostAtSigterm);
    for (FaultTimeline.PgRestart o : outages) {
      Map<String, Integer> endedDuring = new TreeMap<>();
      int liveAcross = 0;
      for (Call c : calls) {
        if (c.startedAt() == null) {
          continue;
        }
        if (c.endedAt() != null
            && !c.endedAt().isBefore(o.stopAsked())
            && !c.endedAt().isAfter(o.accepting())) {
          endedDuring.merge(c.status() + "/" + c.reason(), 1, Integer::sum);
        }
        if (!c.startedAt().isAfter(o.stopAsked()) && !endOf(c).isBefore(o.stopAsked())) {
          liveAcross++;
        }
      }
      line(
          "    PostgreSQL outage %s..%s: %d calls live at the stop; outcomes carried by the carrier inside it: %s",
          timeline.t(o.stopAsked()), timeline.t(o.accepting()), liveAcross, endedDuring);
      line("    API during the outage: %s", o.probes());
      for (FaultTimeline.Probe p : o.probes()) {
        // why not the 2 s: timing on a loaded machine is not judged here, only the answer (a 200
        // from a cache is fine; a 404 or 500 is not, nor silence for 5 s).
        if (p.status() != 503 && p.status() != 200) {
          add(
              "10 api",
              "%s while PostgreSQL was down: %s after %d ms (%s); docs/api.md §14 wants 503"
                  + " UNAVAILABLE within 2 s",
              p.what(),
              p.status() < 0 ? "no answer" : "status " + p.status(),
              p.millis(),
              p.code());
        }
      }
    }
    for (FaultTimeline.Sigterm s : sigterms) {
      String check = "8 sigterm drain";
      Duration took = Duration.between(s.at(), s.exitedAt());
      if (s.forced()) {
        add(
            check,
            "%s did not exit within %s of SIGTERM (grace %s): killed",
            s.node(),
            seconds(took),
            seconds(shutdownGrace));
      }
      int drained = 0;
      Map<String, Integer> outcomes = new TreeMap<>();
      for (Call c : calls) {
        if (!s.node().equals(c.node()) || c.startedAt() == null) {
          continue;
        }
        if (liveAt(c, s)) {
          drained++;
          outcomes.merge(c.status() + "/" + c.reason(), 1, Integer::sum);
          if (Set.of("node_lost", "lease_expired").contains(c.reason())) {
            add(
                check,
                "call %s live on %s at its SIGTERM (%s) ended %s/%s at %s instead of finishing (grace %s)",
                c.id(),
                s.node(),
                timeline.t(s.at()),
                c.status(),
                c.reason(),
                timeline.t(c.endedAt()),
                seconds(shutdownGrace));
          }
        } else if (c.startedAt().isAfter(s.at().plus(SIGTERM_DELIVERY))
            && !c.startedAt().isAfter(s.exitedAt())) {
          add(
              check,
              "%s placed call %s at %s, %s after its SIGTERM: a stopping node must not dial",
              s.node(),
              c.id(),
              timeline.t(c.startedAt()),
              seconds(Duration.between(s.at(), c.startedAt())));
        }
      }
      line(
          "    SIGTERM %s at %s: exited after %s (code %s%s); %d calls live then, ended %s; %d slots claimed",
          s.node(),
          timeline.t(s.at()),
          seconds(took),
          s.exitCode(),
          s.forced() ? ", killed" : "",
          drained,
          outcomes,
          s.claimed());
    }
  }

  private static boolean liveAtSigterm(Call c, List<FaultTimeline.Sigterm> sigterms) {
    return sigterms.stream().anyMatch(s -> s.node().equals(c.node()) && liveAt(c, s));
  }

  /**
   * Placed on the node when it got its SIGTERM: seen dialing then, or started before and ended
   * after.
   */
  private static boolean liveAt(Call c, FaultTimeline.Sigterm s) {
    return s.dialing().contains(c.id())
        || (!c.startedAt().isAfter(s.at()) && endOf(c).isAfter(s.at()));
  }

  /** Which fault a lost call was near: the outage it spanned, the kills of its node. */
  private String context(
      Call c, List<FaultTimeline.Kill> kills, List<FaultTimeline.PgRestart> outages) {
    List<String> near = new ArrayList<>();
    for (FaultTimeline.PgRestart o : outages) {
      if (!c.startedAt().isAfter(o.accepting()) && !endOf(c).isBefore(o.stopAsked())) {
        near.add(
            "live across the PostgreSQL outage "
                + timeline.t(o.stopAsked())
                + ".."
                + timeline.t(o.accepting()));
      }
    }
    for (FaultTimeline.Kill k : kills) {
      if (k.node().equals(c.node())) {
        near.add("its node killed at " + timeline.t(k.before()));
      }
    }
    return near.isEmpty() ? "" : " [" + String.join("; ", near) + "]";
  }

  // ---------------------------------------------------------------- 9. completion

  private void checkCompletion() {
    String check = "9 completedAt";
    for (CampaignRow c : campaigns.values()) {
      Instant lastEnd =
          calls.stream()
              .filter(x -> c.id().equals(x.campaignId()) && x.endedAt() != null)
              .map(Call::endedAt)
              .max(Comparator.naturalOrder())
              .orElse(null);
      if (c.completedAt() == null || lastEnd == null) {
        add(
            check,
            "campaign %s: completedAt %s, last call ended %s",
            c.name(),
            c.completedAt(),
            lastEnd);
        continue;
      }
      Duration after = Duration.between(lastEnd, c.completedAt());
      line("[9] campaign %s completed %s after its last call ended", c.name(), seconds(after));
      if (after.plus(SLACK).isNegative()) {
        add(
            check,
            "campaign %s completed at %s, %s before its last call ended",
            c.name(),
            timeline.t(c.completedAt()),
            seconds(after.negated()));
      } else if (after.compareTo(COMPLETION_BOUND) > 0) {
        add(
            check,
            "campaign %s completed %s after its last call ended (bound %s)",
            c.name(),
            seconds(after),
            seconds(COMPLETION_BOUND));
      }
    }
  }

  // ---------------------------------------------------------------- 10. nodes

  private void checkNodes() {
    String check = "10 nodes";
    for (FaultTimeline.UnexpectedExit e : timeline.unexpectedExits()) {
      add(
          check,
          "%s exited by itself at %s with code %d (see its log)",
          e.node(),
          timeline.t(e.at()),
          e.exitCode());
    }
    for (FaultTimeline.Restart r : timeline.restarts()) {
      if (r.healthyAt() == null) {
        add(check, "%s restarted at %s never became healthy", r.node(), timeline.t(r.startedAt()));
      }
    }
    for (FaultTimeline.ApiError e : timeline.apiErrors()) {
      boolean inOutage =
          timeline.pgRestarts().stream()
              .anyMatch(
                  o ->
                      !e.at().isBefore(o.stopAsked())
                          && !e.at().isAfter(o.accepting().plusSeconds(5)));
      add(
          "10 api",
          "%s answered %s with %d at %s%s: %s",
          e.node(),
          e.request(),
          e.status(),
          timeline.t(e.at()),
          inOutage ? " (during the PostgreSQL restart; docs/api.md §14 wants 503 UNAVAILABLE)" : "",
          e.body().length() > 200 ? e.body().substring(0, 200) + "..." : e.body());
    }
    for (String p : timeline.nodeProblems()) {
      add(check, "%s", p);
    }
    for (String p : timeline.harnessProblems()) {
      add("harness", "%s", p);
    }
    line(
        "[10] restarts: %d; nodes that exited by themselves: %d; API errors (not 200/503/429): %d",
        timeline.restarts().size(), timeline.unexpectedExits().size(), timeline.apiErrors().size());
  }

  // ---------------------------------------------------------------- helpers

  private Map<List<UUID>, List<Call>> callsByCampaignContact() {
    Map<List<UUID>, List<Call>> out = new HashMap<>();
    for (Call c : calls) {
      if (c.campaignId() != null && c.contactId() != null) {
        out.computeIfAbsent(List.of(c.campaignId(), c.contactId()), k -> new ArrayList<>()).add(c);
      }
    }
    out.values()
        .forEach(
            l ->
                l.sort(
                    Comparator.comparingInt(Call::attempt)
                        .thenComparing(
                            Call::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))));
    return out;
  }

  /** A call without an end counts as live until now. */
  private static Instant endOf(Call c) {
    return c.endedAt() != null ? c.endedAt() : Instant.now();
  }

  private String name(UUID campaignId) {
    CampaignRow c = campaigns.get(campaignId);
    return c == null ? String.valueOf(campaignId) : c.name();
  }

  private void add(String check, String format, Object... args) {
    violations.add(new Violation(check, format.formatted(args)));
  }

  private void line(String format, Object... args) {
    summary.append(format.formatted(args)).append('\n');
  }

  static String seconds(Duration d) {
    return "%.3f s".formatted(d.toNanos() / 1e9);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private <T> List<T> query(Connection db, String sql, RowReader<T> reader) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setObject(1, orgId);
      try (ResultSet rs = s.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(reader.read(rs));
        }
        return out;
      }
    }
  }

  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** The violations grouped by check, with counts: the head of a failure message. */
  static String counts(List<Violation> violations) {
    Map<String, Integer> byCheck = new TreeMap<>();
    violations.forEach(v -> byCheck.merge(v.check(), 1, Integer::sum));
    return byCheck.toString();
  }

  /** The first {@code n} violations, taken in turn from each check so that every check shows. */
  static List<Violation> firstOfEach(List<Violation> violations, int n) {
    Map<String, List<Violation>> byCheck = new TreeMap<>();
    violations.forEach(v -> byCheck.computeIfAbsent(v.check(), k -> new ArrayList<>()).add(v));
    List<Violation> out = new ArrayList<>();
    for (int i = 0; out.size() < n && out.size() < violations.size(); i++) {
      for (List<Violation> list : byCheck.values()) {
        if (i < list.size() && out.size() < n) {
          out.add(list.get(i));
        }
      }
    }
    return out;
  }
}
