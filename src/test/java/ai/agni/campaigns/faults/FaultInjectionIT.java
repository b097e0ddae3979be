package ai.agni.campaigns.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three nodes of the packaged jar, as separate OS processes on one private PostgreSQL, run three
 * campaigns with different caps while the harness kills nodes ({@value #KILLS} SIGKILLs, each node
 * restarted after a short random delay), restarts PostgreSQL once with calls live, and SIGTERMs a
 * node that has live calls. When every campaign is completed, {@link FaultAudit} checks the
 * database and the API against docs/api.md (§6, §7 and §14).
 *
 * <p>Size: {@code AGNI_FAULT_CONTACTS} (default {@value #DEFAULT_CONTACTS};
 * scripts/fault-injection.sh runs 3,600). Seed: {@code AGNI_FAULT_SEED} (printed; replays the fault
 * plan and the outcomes). Everything the run leaves (node logs, PostgreSQL log, timeline, summary,
 * violations) is under {@code target/faults/run-*}.
 */
@Tag("faults")
@ExtendWith(FaultsGate.class)
class FaultInjectionIT {

  static final int DEFAULT_CONTACTS = 900;
  static final int KILLS = 10;
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
  static final Duration NODE_START = Duration.ofSeconds(120);
  static final Duration STALL = Duration.ofMinutes(5);
  private static final String DATABASE = "agni_faults";
  private static final String ADMIN_TOKEN = "faults-admin-" + UUID.randomUUID();
  private static final String CLUSTER_SECRET_KEY = Base64.getEncoder().encodeToString(randomKey());
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  /** One number with caps of its own (index 0) and one with none (index 1). */
  private record NumberSpec(String phone, Integer maxConcurrent, Double maxCps) {}

  private static final List<NumberSpec> NUMBERS =
      List.of(new NumberSpec("+14155550100", 10, 5.0), new NumberSpec("+14155550101", null, null));

  /**
   * A campaign: its share of the contacts, outboundMaxCps, schedule.maxConcurrent,
   * outboundMaxConcurrent, retryAttempts, the number it dials from, and the rate it is expected to
   * reach (for the fault plan's timing only).
   */
  private record CampaignSpec(
      String name,
      double share,
      double cps,
      int maxConcurrent,
      int outboundMaxConcurrent,
      int retryAttempts,
      int number,
      double expectedRate) {}

  private static final List<CampaignSpec> CAMPAIGNS =
      List.of(
          new CampaignSpec("faults-a", 0.10, 3, 4, 6, 2, 1, 2.0),
          new CampaignSpec("faults-b", 0.30, 8, 12, 12, 1, 0, 4.5),
          new CampaignSpec("faults-c", 0.60, 15, 32, 30, 2, 1, 12.0));

  private static final int ORG_MAX_CONCURRENT = 40;
  private static final double ORG_MAX_CPS = 20;

  /** The organization's expected rate, all campaigns together (fault timing only). */
  private static final double EXPECTED_RATE = 15.0;

  private final ObjectMapper json = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
  private final List<ServiceNode> nodes = new ArrayList<>();
  private final FaultTimeline timeline = new FaultTimeline(Instant.now());
  private final Map<String, Boolean> restartPending = new ConcurrentHashMap<>();
  private volatile boolean pgDown;
  private volatile boolean stopping;
  private volatile boolean campaignsDone;
  private PostgresCluster pg;
  private ClusterApi api;
  private Random random;
  private volatile String apiKey;

  @Test
  @Timeout(value = 60, unit = TimeUnit.MINUTES)
  void campaignsSurviveKillsSigtermAndADatabaseRestart() throws Exception {
    FaultTools tools = FaultTools.find();
    assertThat(tools.missing())
        .as("tools of the fault suite (AGNI_TEST_FAULTS=%s)", System.getenv("AGNI_TEST_FAULTS"))
        .isEmpty();
    int contacts = contacts();
    long seed = seed();
    random = new Random(seed);
    Path root = Path.of("target", "faults").toAbsolutePath();
    ServiceNode.removeStale(root);
    Path run =
        root.resolve(
            "run-"
                + LocalDateTime.now(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(run);
    Files.writeString(run.resolve("harness.pid"), Long.toString(ProcessHandle.current().pid()));
    // why a copy: the jar under target/ may be rebuilt while this runs; restarts use the same one.
    Path jar = run.resolve("agni-campaigns.jar");
    Files.copy(tools.jar(), jar, StandardCopyOption.REPLACE_EXISTING);
    System.out.printf(
        "[faults] %d contacts, seed %d, jar %s, run directory %s%n",
        contacts, seed, tools.jar(), run);
    Instant suiteStart = Instant.now();
    Throwable harnessFailure = null;
    FaultAudit audit = null;
    String outcome;
    // why: a test JVM ended from outside (Ctrl-C, a killed build) must not leave nodes and the
    // server running; the hook is removed once the clean-up below has run.
    Thread hook = new Thread(() -> emergencyStop(), "faults-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      List<Integer> ports = freePorts(1 + 2 * 3);
      pg = PostgresCluster.start(tools, ports.get(0));
      pg.createDatabase(DATABASE);
      startNodes(tools, jar, run, ports, seed);
      api = new ClusterApi(nodes, json);

      Setup setup = setUp(contacts);
      Instant started = startCampaigns(setup);
      timeline.origin(started);
      Instant setupDone = Instant.now();
      double estimate = estimateSeconds(setup);
      timeline.note(
          started,
          "campaigns started; expected first pass about %.0f s, faults spread over it"
              .formatted(estimate));

      AtomicReference<Throwable> faultFailure = new AtomicReference<>();
      Thread faults =
          new Thread(
              () -> {
                try {
                  injectFaults(started, estimate);
                } catch (Throwable t) {
                  faultFailure.set(t);
                  timeline.harnessProblem("fault thread failed: " + t);
                }
              },
              "fault-injector");
      faults.start();

      Duration timeout = Duration.ofMinutes(10).plusSeconds((long) (3 * estimate));
      outcome = awaitCompletion(setup, timeout);
      Instant completed = Instant.now();
      faults.join(Duration.ofMinutes(10).toMillis());
      if (faults.isAlive()) {
        timeline.harnessProblem("the fault thread did not finish");
        faults.interrupt();
      }
      harnessFailure = faultFailure.get();
      awaitAllHealthy(Duration.ofMinutes(2));

      Map<UUID, JsonNode> finalCampaigns = new LinkedHashMap<>();
      for (UUID id : setup.campaigns().values()) {
        finalCampaigns.put(id, api.data("GET", "/campaigns/" + id, null));
      }
      audit = new FaultAudit(setup.orgId(), finalCampaigns, timeline, SHUTDOWN_GRACE);
      Instant auditStart = Instant.now();
      try (Connection db = pg.connect(DATABASE)) {
        audit.run(db);
      }
      Instant auditEnd = Instant.now();
      String durations =
          ("durations: setup %s (nodes, organization, contacts, campaigns), run %s (start to %s),"
                  + " audit %s, total %s")
              .formatted(
                  FaultAudit.seconds(Duration.between(suiteStart, setupDone)),
                  FaultAudit.seconds(Duration.between(started, completed)),
                  outcome,
                  FaultAudit.seconds(Duration.between(auditStart, auditEnd)),
                  FaultAudit.seconds(Duration.between(suiteStart, auditEnd)));
      report(run, contacts, seed, setup, audit, durations);
    } finally {
      stopping = true;
      shutDown(run);
      Files.deleteIfExists(jar);
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    if (harnessFailure != null) {
      throw new AssertionError("the fault harness failed; see " + run, harnessFailure);
    }
    List<FaultAudit.Violation> violations = audit.violations();
    if (!violations.isEmpty()) {
      StringBuilder message =
          new StringBuilder(
              "%d violations after the fault run (%s; by check %s); first %d:%n"
                  .formatted(
                      violations.size(),
                      outcome,
                      FaultAudit.counts(violations),
                      Math.min(20, violations.size())));
      FaultAudit.firstOfEach(violations, 20)
          .forEach(
              v ->
                  message
                      .append("  [")
                      .append(v.check())
                      .append("] ")
                      .append(v.message())
                      .append('\n'));
      message.append("full list: ").append(run.resolve("violations.txt"));
      throw new AssertionError(message.toString());
    }
  }

  // ------------------------------------------------------------------ set-up

  private void startNodes(FaultTools tools, Path jar, Path run, List<Integer> ports, long seed)
      throws Exception {
    String runId = run.getFileName().toString();
    for (int i = 0; i < 3; i++) {
      String id = "node-" + (i + 1);
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SERVER_PORT", Integer.toString(ports.get(1 + i)));
      env.put("AGNI_DB_URL", pg.jdbcUrl(DATABASE));
      env.put("AGNI_DB_USER", "postgres");
      env.put("AGNI_DB_PASSWORD", "");
      env.put("AGNI_NODE_ID", id);
      env.put("AGNI_ADMIN_TOKEN", ADMIN_TOKEN);
      // why: a cluster shares one key, as production must (the nodes do not share ./data).
      env.put("AGNI_SECRET_KEY", CLUSTER_SECRET_KEY);
      env.put("AGNI_SIMULATED_RING_MS", "300");
      env.put("AGNI_SIMULATED_TALK_MS", "1500");
      env.put("AGNI_SIMULATED_SEED", Long.toString(seed));
      env.put("AGNI_HEARTBEAT_INTERVAL", "1");
      env.put("AGNI_NODE_TIMEOUT", "5");
      env.put("AGNI_SHUTDOWN_GRACE", Long.toString(SHUTDOWN_GRACE.toSeconds()));
      // why: the audit drives and polls every node with one key; the rate limit is not under test.
      env.put("AGNI_RATE_LIMIT_PER_KEY", "100000");
      // why: never used by simulated numbers, but three nodes must not share the default 5060.
      env.put("AGNI_SIP_BIND", "127.0.0.1:" + ports.get(4 + i));
      nodes.add(
          new ServiceNode(
              id,
              ports.get(1 + i),
              run,
              ServiceNode.command(tools, jar, runId),
              env,
              this::exitedByItself));
    }
    // why one first: the first start migrates the empty database and creates the bootstrap
    // organization; the others then start on a ready schema.
    nodes.get(0).start();
    nodes.get(0).awaitHealthy(NODE_START);
    nodes.get(1).start();
    nodes.get(2).start();
    nodes.get(1).awaitHealthy(NODE_START);
    nodes.get(2).awaitHealthy(NODE_START);
    System.out.println("[faults] nodes healthy: " + nodes);
  }

  private record Setup(
      UUID orgId, Map<String, UUID> campaigns, Map<String, Integer> contacts, int totalContacts) {}

  private Setup setUp(int contacts) throws Exception {
    JsonNode created =
        api.admin(
            "/admin/organizations",
            map(
                "name",
                "Fault injection",
                "default_region",
                "US",
                "outbound_max_concurrent",
                ORG_MAX_CONCURRENT,
                "outbound_max_cps",
                ORG_MAX_CPS),
            ADMIN_TOKEN);
    apiKey = created.get("api_key").asString();
    api.useKey(apiKey);
    UUID orgId = UUID.fromString(created.at("/organization/id").asString());

    String agentId =
        api.data(
                "POST",
                "/agents/",
                map("name", "Fault agent", "ringDurationMs", 2000, "maxCallDurationMs", 5000))
            .get("id")
            .asString();
    List<String> numberIds = new ArrayList<>();
    for (NumberSpec n : NUMBERS) {
      Map<String, Object> body = map("phone_number", n.phone(), "provider", "simulated");
      if (n.maxConcurrent() != null) {
        body.put("max_concurrent", n.maxConcurrent());
      }
      if (n.maxCps() != null) {
        body.put("max_cps", n.maxCps());
      }
      numberIds.add(api.data("POST", "/phone-numbers/", body).get("id").asString());
    }

    List<String> contactIds = addContacts(contacts);
    Map<String, UUID> campaigns = new LinkedHashMap<>();
    Map<String, Integer> sizes = new LinkedHashMap<>();
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    // The window is open at every minute but one, twelve hours from now (windowStart >
    // windowEnd is an overnight window; all seven days).
    ZonedDateTime closedMinute = now.plusHours(12).truncatedTo(ChronoUnit.MINUTES);
    int from = 0;
    for (int i = 0; i < CAMPAIGNS.size(); i++) {
      CampaignSpec spec = CAMPAIGNS.get(i);
      int size =
          i == CAMPAIGNS.size() - 1
              ? contactIds.size() - from
              : (int) Math.round(contacts * spec.share());
      List<String> mine = contactIds.subList(from, from + size);
      from += size;
      Map<String, Object> schedule =
          map(
              "start", now.minusHours(1).truncatedTo(ChronoUnit.SECONDS).toInstant().toString(),
              "end", now.plusDays(1).truncatedTo(ChronoUnit.SECONDS).toInstant().toString(),
              "windowStart", closedMinute.plusMinutes(1).format(HH_MM),
              "windowEnd", closedMinute.format(HH_MM),
              "windowDays", List.of(0, 1, 2, 3, 4, 5, 6),
              "timezone", "UTC",
              "maxConcurrent", spec.maxConcurrent(),
              "retryAttempts", spec.retryAttempts(),
              "retryGapMin", 1);
      Map<String, Object> body =
          map(
              "name", spec.name(),
              "agentId", agentId,
              "phoneNumberId", numberIds.get(spec.number()),
              "fromPhoneNumber", NUMBERS.get(spec.number()).phone(),
              "contactIds", mine,
              "outboundMaxCps", spec.cps(),
              "outboundMaxConcurrent", spec.outboundMaxConcurrent(),
              "schedule", schedule);
      JsonNode campaign = api.data("POST", "/campaigns/", body);
      assertThat(campaign.at("/contactStats/total").asInt()).as(spec.name()).isEqualTo(size);
      campaigns.put(spec.name(), UUID.fromString(campaign.get("id").asString()));
      sizes.put(spec.name(), size);
    }
    System.out.printf(
        "[faults] organization %s (max %d concurrent, %s cps); numbers %s; campaigns %s%n",
        orgId, ORG_MAX_CONCURRENT, ORG_MAX_CPS, NUMBERS, sizes);
    return new Setup(orgId, campaigns, sizes, contactIds.size());
  }

  /** Contacts through {@code POST /contacts/bulk}, 1,000 a request; valid, unique US numbers. */
  private List<String> addContacts(int count) throws InterruptedException {
    String[] areas = {"415", "212", "617", "312", "646", "202", "305", "213"};
    List<String> ids = new ArrayList<>();
    for (int start = 0; start < count; start += 1000) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + 1000); i++) {
        String phone = "+1" + areas[(i / 8000) % areas.length] + "555" + (2000 + i % 8000);
        batch.add(map("phone", phone, "first_name", "Fault", "last_name", "Contact " + i));
      }
      JsonNode result =
          api.data("POST", "/contacts/bulk", map("contacts", batch, "on_duplicate", "skip"));
      assertThat(result.get("created").asInt()).as(result.toString()).isEqualTo(batch.size());
      result.get("contacts").forEach(c -> ids.add(c.get("id").asString()));
    }
    assertThat(ids).hasSize(count);
    return ids;
  }

  private Instant startCampaigns(Setup setup) throws InterruptedException {
    Instant started = Instant.now();
    for (Map.Entry<String, UUID> c : setup.campaigns().entrySet()) {
      JsonNode campaign = api.data("POST", "/campaigns/" + c.getValue() + "/start", null);
      assertThat(campaign.get("status").asString()).as(c.getKey()).isEqualTo("active");
    }
    return started;
  }

  /** How long the first attempts take at the rates the caps allow (for the fault plan only). */
  private static double estimateSeconds(Setup setup) {
    double total = 0;
    double longest = 0;
    for (CampaignSpec spec : CAMPAIGNS) {
      double calls = 0;
      double share = 1;
      for (int k = 0; k <= spec.retryAttempts(); k++) {
        calls += share;
        share *= 0.4;
      }
      calls *= setup.contacts().get(spec.name());
      total += calls;
      longest = Math.max(longest, calls / spec.expectedRate());
    }
    return Math.max(longest, total / EXPECTED_RATE);
  }

  // ------------------------------------------------------------------ faults

  /**
   * Ten SIGKILLs, one PostgreSQL restart and one SIGTERM, in a random order (the restart and the
   * SIGTERM in the middle), at random moments spread over the expected run.
   */
  private void injectFaults(Instant started, double estimate) throws Exception {
    int total = KILLS + 2;
    List<String> plan = new ArrayList<>(Collections.nCopies(total, "kill"));
    int pgAt = 3 + random.nextInt(5);
    int termAt;
    do {
      termAt = 2 + random.nextInt(8);
    } while (termAt == pgAt);
    plan.set(pgAt, "pg");
    plan.set(termAt, "sigterm");
    double first = 8;
    double spacing = Math.max(6, (estimate + 30 - first) / total);
    double at = first;
    timeline.note(Instant.now(), "fault plan: %s, about every %.1f s".formatted(plan, spacing));
    for (int i = 0; i < total; i++) {
      at += spacing * (0.6 + 0.8 * random.nextDouble());
      Instant when = started.plusMillis((long) (at * 1000));
      long wait = Duration.between(Instant.now(), when).toMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      if (stopping) {
        return;
      }
      String label = "fault %d of %d".formatted(i + 1, total);
      if (campaignsDone) {
        timeline.note(Instant.now(), label + " comes after every campaign completed");
      }
      switch (plan.get(i)) {
        case "kill" -> kill(label);
        case "pg" -> restartPostgres();
        case "sigterm" -> sigterm(label);
        default -> throw new IllegalStateException(plan.get(i));
      }
    }
    timeline.note(Instant.now(), "fault plan done");
  }

  private void kill(String label) throws Exception {
    List<ServiceNode> up = awaitNodes(2, Duration.ofMinutes(2));
    Map<String, Integer> dialing = liveByNode("dialing");
    List<ServiceNode> busy = up.stream().filter(n -> dialing.getOrDefault(n.id(), 0) > 0).toList();
    List<ServiceNode> choice = busy.isEmpty() ? up : busy;
    ServiceNode node = choice.get(random.nextInt(choice.size()));
    node.restarting(true);
    Instant before = Instant.now();
    Instant after = node.kill();
    timeline.kill(
        new FaultTimeline.Kill(
            node.id(), before, after, dialing.getOrDefault(node.id(), 0), label));
    restartLater(node, Duration.ofMillis(1000 + random.nextInt(4000)), "SIGKILL");
  }

  private void sigterm(String label) throws Exception {
    awaitNodes(3, Duration.ofMinutes(2));
    ServiceNode node = null;
    Map<String, Integer> dialing = Map.of();
    Instant deadline = Instant.now().plusSeconds(30);
    while (node == null && Instant.now().isBefore(deadline) && !campaignsDone) {
      dialing = liveByNode("dialing");
      int most = 0;
      for (ServiceNode n : nodes) {
        int live = dialing.getOrDefault(n.id(), 0);
        if (live > most && n.alive() && !n.restarting()) {
          most = live;
          node = n;
        }
      }
      if (node == null) {
        Thread.sleep(200);
      }
    }
    if (node == null) {
      timeline.harnessProblem(label + ": no node had live calls for the SIGTERM within 30 s");
      node = nodes.get(random.nextInt(nodes.size()));
    }
    Set<UUID> sessions = new HashSet<>();
    int claimed = 0;
    try (Connection db = pg.connect(DATABASE);
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT session_id, state FROM live_calls WHERE node = '" + node.id() + "'")) {
      while (rs.next()) {
        if ("dialing".equals(rs.getString("state"))) {
          sessions.add(rs.getObject("session_id", UUID.class));
        } else {
          claimed++;
        }
      }
    }
    node.restarting(true);
    Instant at = Instant.now();
    ServiceNode.Termination end = node.terminate(SHUTDOWN_GRACE.plusSeconds(20));
    timeline.sigterm(
        new FaultTimeline.Sigterm(
            node.id(),
            at,
            Set.copyOf(sessions),
            claimed,
            end.exitedAt(),
            end.exitCode(),
            end.forced()));
    if (end.forced()) {
      timeline.kill(
          new FaultTimeline.Kill(
              node.id(),
              at.plus(SHUTDOWN_GRACE).plusSeconds(20),
              end.exitedAt(),
              0,
              "SIGKILL after the SIGTERM was not obeyed"));
    }
    restartLater(node, Duration.ofMillis(1000 + random.nextInt(2000)), "SIGTERM");
  }

  private void restartPostgres() throws Exception {
    awaitNodes(3, Duration.ofMinutes(2));
    int live = 0;
    Instant deadline = Instant.now().plusSeconds(30);
    while (live == 0 && Instant.now().isBefore(deadline) && !campaignsDone) {
      live = liveByNode("dialing").values().stream().mapToInt(Integer::intValue).sum();
      if (live == 0) {
        Thread.sleep(200);
      }
    }
    pgDown = true;
    Instant stopAsked = Instant.now();
    pg.stop("fast");
    Instant stopped = Instant.now();
    // The API meanwhile (docs/api.md §14: 503 with the envelope within 2 s), asked on two nodes at
    // once, in the background: the server comes back 3 s after the stop whatever they answer.
    List<java.util.concurrent.Future<FaultTimeline.Probe>> asked = new ArrayList<>();
    for (ServiceNode n : nodes.subList(0, 2)) {
      asked.add(scheduler.submit(() -> probe(n, "/organization")));
    }
    long rest = Duration.between(Instant.now(), stopAsked.plusSeconds(3)).toMillis();
    if (rest > 0) {
      Thread.sleep(rest);
    }
    Instant startAsked = Instant.now();
    pg.startServer();
    Instant accepting = pg.awaitAccepting(Duration.ofSeconds(60));
    pgDown = false;
    List<FaultTimeline.Probe> probes = new ArrayList<>();
    for (java.util.concurrent.Future<FaultTimeline.Probe> f : asked) {
      try {
        probes.add(f.get(15, TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        probes.add(new FaultTimeline.Probe("probe", -1, -1, e.toString()));
      }
    }
    timeline.pgRestart(
        new FaultTimeline.PgRestart(stopAsked, stopped, startAsked, accepting, live, probes));
    // Every node must serve again without a restart (docs/api.md §14).
    Instant healthyBy = Instant.now().plusSeconds(60);
    for (ServiceNode n : nodes) {
      while (!n.healthy() && Instant.now().isBefore(healthyBy)) {
        Thread.sleep(200);
      }
      if (!n.healthy()) {
        timeline.nodeProblem(
            n.id()
                + " was not healthy within 60 s after PostgreSQL came back"
                + (n.alive() ? "" : " (it exited)"));
      }
    }
  }

  /** One API call to one node, timed (while the database is down). */
  private FaultTimeline.Probe probe(ServiceNode node, String path) {
    Instant start = Instant.now();
    String what = node.id() + " GET " + path;
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(node.base() + path))
                  .timeout(Duration.ofSeconds(5))
                  .header("X-Api-Key", apiKey)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String code = null;
      try {
        JsonNode body = json.readTree(answer.body());
        code = body.path("code").isMissingNode() ? null : body.path("code").asString();
      } catch (RuntimeException e) {
        code = "not JSON";
      }
      return new FaultTimeline.Probe(
          what, answer.statusCode(), Duration.between(start, Instant.now()).toMillis(), code);
    } catch (IOException e) {
      return new FaultTimeline.Probe(
          what,
          -1,
          Duration.between(start, Instant.now()).toMillis(),
          e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FaultTimeline.Probe(what, -1, 0, "interrupted");
    }
  }

  private void restartLater(ServiceNode node, Duration delay, String after) {
    if (stopping) {
      return;
    }
    node.restarting(true);
    restartPending.put(node.id(), true);
    scheduler.schedule(() -> restart(node, after, 3), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void restart(ServiceNode node, String after, int tries) {
    try {
      while (pgDown && !stopping) {
        Thread.sleep(100);
      }
      if (stopping) {
        return;
      }
      Instant at = Instant.now();
      node.start();
      Instant healthy = null;
      try {
        healthy = node.awaitHealthy(NODE_START);
      } catch (IllegalStateException e) {
        timeline.note(Instant.now(), e.getMessage());
      }
      timeline.restart(new FaultTimeline.Restart(node.id(), at, healthy, after));
      if (healthy == null && tries > 1 && !stopping) {
        node.kill();
        scheduler.schedule(() -> restart(node, after, tries - 1), 5, TimeUnit.SECONDS);
        return;
      }
      node.restarting(false);
      restartPending.remove(node.id());
    } catch (Exception e) {
      timeline.harnessProblem("restart of " + node.id() + " failed: " + e);
      node.restarting(false);
      restartPending.remove(node.id());
    }
  }

  /** A node exited without being told to: noted (a violation), and started again. */
  private void exitedByItself(ServiceNode node, int code) {
    if (stopping) {
      return;
    }
    timeline.unexpectedExit(new FaultTimeline.UnexpectedExit(node.id(), Instant.now(), code));
    if (restartPending.containsKey(node.id())) {
      return; // it died while being started: that restart tries again
    }
    restartLater(node, Duration.ofSeconds(2), "its own exit");
  }

  /** Waits until at least {@code count} nodes are healthy and none is being restarted. */
  private List<ServiceNode> awaitNodes(int count, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      List<ServiceNode> up = nodes.stream().filter(n -> !n.restarting() && n.healthy()).toList();
      boolean settled = count < nodes.size() || restartPending.isEmpty();
      if (up.size() >= count && settled) {
        return up;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "fewer than " + count + " healthy nodes for " + timeout + ": " + nodes);
      }
      Thread.sleep(200);
    }
  }

  private void awaitAllHealthy(Duration timeout) throws InterruptedException {
    try {
      awaitNodes(nodes.size(), timeout);
    } catch (IllegalStateException e) {
      timeline.harnessProblem(e.getMessage());
    }
  }

  /** Live attempts per node in the given state (dialing: placed; claimed: slot reserved). */
  private Map<String, Integer> liveByNode(String state) {
    Map<String, Integer> out = new HashMap<>();
    try (Connection db = pg.connect(DATABASE);
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT node, COUNT(*) FROM live_calls WHERE state = '"
                    + state
                    + "' GROUP BY node")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    } catch (SQLException e) {
      // the server may be restarting; nothing known is nothing live for the plan
    }
    return out;
  }

  // ------------------------------------------------------------------ completion

  /**
   * Polls the campaigns until all are completed, nothing changed for {@link #STALL}, or timeout.
   */
  private String awaitCompletion(Setup setup, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Instant lastChange = Instant.now();
    Instant lastPrint = Instant.MIN;
    String lastSignature = "";
    while (true) {
      Map<String, String> states = new LinkedHashMap<>();
      boolean all = true;
      StringBuilder signature = new StringBuilder();
      for (Map.Entry<String, UUID> c : setup.campaigns().entrySet()) {
        ClusterApi.Answer answer = readCampaign(c.getValue());
        JsonNode data = json.readTree(answer.body()).get("data");
        String status = data.get("status").asString();
        all &= "completed".equals(status);
        JsonNode stats = data.get("contactStats");
        states.put(c.getKey(), status + " " + stats);
        signature.append(status).append(stats);
      }
      Instant now = Instant.now();
      if (!signature.toString().equals(lastSignature)) {
        lastSignature = signature.toString();
        lastChange = now;
      }
      if (all) {
        campaignsDone = true;
        timeline.note(now, "every campaign completed: " + states);
        return "all completed";
      }
      if (Duration.between(lastPrint, now).toSeconds() >= 15) {
        lastPrint = now;
        timeline.note(now, "progress " + states);
      }
      if (Duration.between(lastChange, now).compareTo(STALL) > 0) {
        campaignsDone = true;
        timeline.note(now, "STALLED: nothing changed for " + STALL + ": " + states);
        return "stalled, nothing changed for " + STALL.toMinutes() + " min";
      }
      if (now.isAfter(deadline)) {
        campaignsDone = true;
        timeline.note(now, "TIMEOUT after " + timeout + ": " + states);
        return "not completed within " + timeout.toMinutes() + " min";
      }
      Thread.sleep(2_000);
    }
  }

  /**
   * GET of a campaign that retries on other nodes; an answer other than 200, 503 and 429 (say a 500
   * while the database restarts) is noted as an API error (a violation) and asked again.
   */
  private ClusterApi.Answer readCampaign(UUID id) throws InterruptedException {
    String path = "/campaigns/" + id;
    for (int i = 0; ; i++) {
      ClusterApi.Answer answer = api.send("GET", path, null, Map.of(), Duration.ofMinutes(2));
      if (answer.status() == 200) {
        return answer;
      }
      timeline.apiError(
          new FaultTimeline.ApiError(
              Instant.now(), answer.node(), "GET " + path, answer.status(), answer.body()));
      if (i >= 200) {
        throw new AssertionError("GET " + path + " kept failing: " + answer);
      }
      Thread.sleep(500);
    }
  }

  // ------------------------------------------------------------------ report and clean-up

  private void report(
      Path run, int contacts, long seed, Setup setup, FaultAudit audit, String durations)
      throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("===== fault injection summary =====\n");
    out.append(
        "contacts %d %s, seed %d; organization caps %d concurrent / %s cps; numbers %s%n"
            .formatted(contacts, setup.contacts(), seed, ORG_MAX_CONCURRENT, ORG_MAX_CPS, NUMBERS));
    CAMPAIGNS.forEach(c -> out.append("  ").append(c).append('\n'));
    out.append(durations).append('\n');
    out.append(
        "faults: %d SIGKILL, %d SIGTERM, %d PostgreSQL restart; %d restarts%n"
            .formatted(
                timeline.kills().size(),
                timeline.sigterms().size(),
                timeline.pgRestarts().size(),
                timeline.restarts().size()));
    out.append(audit.summary());
    List<FaultAudit.Violation> violations = audit.violations();
    out.append("violations: %d %s%n".formatted(violations.size(), FaultAudit.counts(violations)));
    System.out.println(out);
    Files.writeString(run.resolve("summary.txt"), out);
    Files.writeString(run.resolve("timeline.txt"), String.join("\n", timeline.log()) + "\n");
    Files.writeString(
        run.resolve("violations.txt"),
        violations.stream()
                .map(v -> "[" + v.check() + "] " + v.message())
                .collect(Collectors.joining("\n"))
            + "\n");
  }

  private void shutDown(Path run) {
    scheduler.shutdownNow();
    List<Thread> stops = new ArrayList<>();
    for (ServiceNode n : nodes) {
      Thread t =
          new Thread(
              () -> {
                try {
                  n.terminate(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      t.start();
      stops.add(t);
    }
    for (Thread t : stops) {
      try {
        t.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (pg != null) {
      pg.close(run.resolve("postgres.log"));
    }
    try {
      Files.writeString(run.resolve("timeline.txt"), String.join("\n", timeline.log()) + "\n");
    } catch (IOException e) {
      System.out.println("[faults] could not write the timeline: " + e);
    }
  }

  /** The shutdown hook: kill the nodes, stop the server (nothing else can be relied on then). */
  private void emergencyStop() {
    stopping = true;
    for (ServiceNode n : nodes) {
      try {
        n.kill();
      } catch (InterruptedException | RuntimeException e) {
        // going down anyway
      }
    }
    if (pg != null) {
      pg.close();
    }
  }

  // ------------------------------------------------------------------ helpers

  private static int contacts() {
    String value = FaultTools.setting("AGNI_FAULT_CONTACTS", "agni.fault.contacts");
    int n = value == null ? DEFAULT_CONTACTS : Integer.parseInt(value);
    if (n < 30) {
      throw new IllegalArgumentException("AGNI_FAULT_CONTACTS must be at least 30, was " + n);
    }
    return n;
  }

  private static long seed() {
    String value = FaultTools.setting("AGNI_FAULT_SEED", "agni.fault.seed");
    return value == null ? new Random().nextLong() : Long.parseLong(value);
  }

  /** Distinct free TCP ports of 127.0.0.1 (never 5432). */
  private static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      while (ports.size() < count) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(s);
        if (s.getLocalPort() != 5432) {
          ports.add(s.getLocalPort());
        }
      }
      return ports;
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
