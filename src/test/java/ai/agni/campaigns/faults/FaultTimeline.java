package ai.agni.campaigns.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the harness did and saw, with instants of the shared machine clock: the faults, the
 * restarts, nodes that exited on their own, and problems of the run itself. The audit judges the
 * database against it (a {@code node_lost} call must have been live on a node killed then).
 */
final class FaultTimeline {

  /** A SIGKILL: {@code before} just before the signal, {@code after} once the process was gone. */
  record Kill(String node, Instant before, Instant after, int liveCalls, String cause) {}

  /**
   * A SIGTERM: the calls placed (dialing) and the slots claimed on the node just before, and when
   * and how the process ended ({@code forced}: it did not exit in time and was killed).
   */
  record Sigterm(
      String node,
      Instant at,
      Set<UUID> dialing,
      int claimed,
      Instant exitedAt,
      Integer exitCode,
      boolean forced) {}

  /** One API call made while the database was down: its status and how long it took. */
  record Probe(String what, int status, long millis, String code) {}

  /** A PostgreSQL restart: stop asked, stopped, start asked, accepting again. */
  record PgRestart(
      Instant stopAsked,
      Instant stopped,
      Instant startAsked,
      Instant accepting,
      int liveCalls,
      List<Probe> probes) {}

  /** A node started again; {@code healthyAt} null when it never became healthy. */
  record Restart(String node, Instant startedAt, Instant healthyAt, String after) {}

  /** An API answer that is not 200, 503 or 429 (e.g. a 500). */
  record ApiError(Instant at, String node, String request, int status, String body) {}

  /** A node that exited without being told to. */
  record UnexpectedExit(String node, Instant at, int exitCode) {}

  private volatile Instant origin;
  private final List<Kill> kills = new ArrayList<>();
  private final List<Sigterm> sigterms = new ArrayList<>();
  private final List<PgRestart> pgRestarts = new ArrayList<>();
  private final List<Restart> restarts = new ArrayList<>();
  private final List<UnexpectedExit> unexpectedExits = new ArrayList<>();
  private final List<String> harnessProblems = new ArrayList<>();
  private final List<String> nodeProblems = new ArrayList<>();
  private final List<ApiError> apiErrors = new ArrayList<>();
  private final List<String> log = new ArrayList<>();

  FaultTimeline(Instant origin) {
    this.origin = origin;
  }

  Instant origin() {
    return origin;
  }

  /** From now on times are told relative to {@code at} (the campaigns' start). */
  void origin(Instant at) {
    this.origin = at;
  }

  /** Seconds since the campaigns were started, for the log: {@code t+12.3s}. */
  String t(Instant at) {
    if (at == null) {
      return "-";
    }
    return "t%+.1fs".formatted(Duration.between(origin, at).toMillis() / 1000.0);
  }

  synchronized void kill(Kill k) {
    kills.add(k);
    note(
        k.after(),
        "SIGKILL %s (%s; %d calls live on it)".formatted(k.node(), k.cause(), k.liveCalls()));
  }

  synchronized void sigterm(Sigterm s) {
    sigterms.add(s);
    note(
        s.at(),
        "SIGTERM %s (%d calls dialing, %d slots claimed on it); exited %s after %.1f s, code %s%s"
            .formatted(
                s.node(),
                s.dialing().size(),
                s.claimed(),
                t(s.exitedAt()),
                Duration.between(s.at(), s.exitedAt()).toMillis() / 1000.0,
                s.exitCode(),
                s.forced() ? " (did not exit: killed)" : ""));
  }

  synchronized void pgRestart(PgRestart r) {
    pgRestarts.add(r);
    note(
        r.stopAsked(),
        "PostgreSQL restart (%d calls live): stopped %s, start asked %s, accepting %s; API meanwhile: %s"
            .formatted(
                r.liveCalls(), t(r.stopped()), t(r.startAsked()), t(r.accepting()), r.probes()));
  }

  synchronized void restart(Restart r) {
    restarts.add(r);
    note(
        r.healthyAt() == null ? Instant.now() : r.healthyAt(),
        "restart %s (after %s) started %s: %s"
            .formatted(
                r.node(),
                r.after(),
                t(r.startedAt()),
                r.healthyAt() == null
                    ? "NEVER healthy"
                    : "healthy after %.1f s"
                        .formatted(
                            Duration.between(r.startedAt(), r.healthyAt()).toMillis() / 1000.0)));
  }

  synchronized void unexpectedExit(UnexpectedExit e) {
    unexpectedExits.add(e);
    note(e.at(), "%s EXITED BY ITSELF with code %d".formatted(e.node(), e.exitCode()));
  }

  synchronized void harnessProblem(String problem) {
    harnessProblems.add(problem);
    note(Instant.now(), "harness: " + problem);
  }

  /**
   * Something a node did wrong that the database does not show (e.g. unhealthy after an outage).
   */
  synchronized void nodeProblem(String problem) {
    nodeProblems.add(problem);
    note(Instant.now(), "NODE PROBLEM: " + problem);
  }

  synchronized void apiError(ApiError e) {
    apiErrors.add(e);
    note(
        e.at(),
        "API ERROR %s %s -> %d: %s"
            .formatted(
                e.node(),
                e.request(),
                e.status(),
                e.body().length() > 300 ? e.body().substring(0, 300) + "..." : e.body()));
  }

  synchronized List<ApiError> apiErrors() {
    return List.copyOf(apiErrors);
  }

  synchronized List<String> nodeProblems() {
    return List.copyOf(nodeProblems);
  }

  synchronized void note(Instant at, String line) {
    String entry = t(at) + " " + line;
    log.add(entry);
    System.out.println("[faults] " + entry);
  }

  synchronized List<Kill> kills() {
    return List.copyOf(kills);
  }

  synchronized List<Sigterm> sigterms() {
    return List.copyOf(sigterms);
  }

  synchronized List<PgRestart> pgRestarts() {
    return List.copyOf(pgRestarts);
  }

  synchronized List<Restart> restarts() {
    return List.copyOf(restarts);
  }

  synchronized List<UnexpectedExit> unexpectedExits() {
    return List.copyOf(unexpectedExits);
  }

  synchronized List<String> harnessProblems() {
    return List.copyOf(harnessProblems);
  }

  synchronized List<String> log() {
    return List.copyOf(log);
  }
}
