package ai.agni.campaigns.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One service node: {@code java -jar agni-campaigns.jar} as its own OS process, in its own working
 * directory (it writes {@code ./data}), on a fixed port and with a fixed {@code AGNI_NODE_ID}
 * across restarts, its output appended to {@code <id>.log} (one marker line per start). A node that
 * exits without having been told to is reported to the listener.
 */
final class ServiceNode {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String id;
  private final int port;
  private final Path dir;
  private final Path log;
  private final List<String> command;
  private final Map<String, String> env;
  private final BiConsumer<ServiceNode, Integer> unexpectedExit;
  private volatile Process process;
  private volatile boolean exitExpected = true;
  private volatile boolean restarting;
  private int starts;

  ServiceNode(
      String id,
      int port,
      Path runDir,
      List<String> command,
      Map<String, String> env,
      BiConsumer<ServiceNode, Integer> unexpectedExit)
      throws IOException {
    this.id = id;
    this.port = port;
    this.dir = runDir.resolve(id);
    this.log = runDir.resolve(id + ".log");
    this.command = List.copyOf(command);
    this.env = new LinkedHashMap<>(env);
    this.unexpectedExit = unexpectedExit;
    Files.createDirectories(dir);
  }

  String id() {
    return id;
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  /** Starts the process (the previous one must have exited). */
  synchronized void start() throws IOException {
    Process previous = process;
    if (previous != null && previous.isAlive()) {
      throw new IllegalStateException(id + " is still running (pid " + previous.pid() + ")");
    }
    starts++;
    Files.writeString(
        log,
        "%n===== [faults] start #%d of %s at %s =====%n".formatted(starts, id, Instant.now()),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // why: a developer's shell may carry AGNI_* or SPRING_* settings that would change the node.
    builder.environment().keySet().removeIf(k -> k.startsWith("AGNI_") || k.startsWith("SPRING_"));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().putAll(env);
    exitExpected = false;
    Process started = builder.start();
    process = started;
    Files.writeString(dir.resolve("node.pid"), Long.toString(started.pid()));
    started
        .onExit()
        .thenAccept(
            p -> {
              if (!exitExpected && p == process) {
                unexpectedExit.accept(this, p.exitValue());
              }
            });
  }

  boolean alive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  boolean restarting() {
    return restarting;
  }

  void restarting(boolean value) {
    restarting = value;
  }

  /** Alive and its health endpoint answers 200 (the database reachable). */
  boolean healthy() {
    if (!alive()) {
      return false;
    }
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base() + "/health"))
                  .timeout(Duration.ofSeconds(3))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits for health; fails at once when the process exits meanwhile. */
  Instant awaitHealthy(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!alive()) {
        Process p = process;
        throw new IllegalStateException(
            id
                + " exited"
                + (p == null ? "" : " with code " + p.exitValue())
                + " before it was healthy; see "
                + log);
      }
      if (healthy()) {
        return Instant.now();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(id + " not healthy within " + timeout + "; see " + log);
  }

  /** SIGKILL; returns once the process is gone. */
  Instant kill() throws InterruptedException {
    Process p = process;
    exitExpected = true;
    if (p != null) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    return Instant.now();
  }

  /**
   * The end of a SIGTERM: when the process was gone, its exit code, whether it had to be killed.
   */
  record Termination(Instant exitedAt, Integer exitCode, boolean forced) {}

  /** SIGTERM, then waits up to {@code wait} for the exit; SIGKILL after that. */
  Termination terminate(Duration wait) throws InterruptedException {
    Process p = process;
    exitExpected = true;
    if (p == null || !p.isAlive()) {
      return new Termination(Instant.now(), p == null ? null : p.exitValue(), false);
    }
    p.destroy();
    if (p.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      return new Termination(Instant.now(), p.exitValue(), false);
    }
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
    return new Termination(Instant.now(), null, true);
  }

  String base() {
    return "http://127.0.0.1:" + port + "/api/v1";
  }

  /** The command line of a node: the JVM, its options, the jar. */
  static List<String> command(FaultTools tools, Path jar, String runId) {
    List<String> command = new ArrayList<>();
    command.add(tools.java().toString());
    command.add("-Xmx512m");
    // A marker that names the run, so a process left over by a killed harness can be recognised.
    command.add("-Dagni.faults.run=" + runId);
    command.add("-jar");
    command.add(jar.toString());
    return command;
  }

  /**
   * Nodes left running by an earlier harness that was killed before its clean-up: each run
   * directory under {@code root} names its harness ({@code harness.pid}) and its nodes ({@code
   * <node>/node.pid}); a node whose harness is gone and whose command line carries the run marker
   * is killed by its id.
   */
  static void removeStale(Path root) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (var runs = Files.list(root)) {
      for (Path run : runs.filter(Files::isDirectory).toList()) {
        Long harness = pidIn(run.resolve("harness.pid"));
        if (harness == null
            || ProcessHandle.of(harness).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        try (var nodes = Files.list(run)) {
          for (Path node : nodes.filter(Files::isDirectory).toList()) {
            Long pid = pidIn(node.resolve("node.pid"));
            if (pid == null) {
              continue;
            }
            ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(
                    h ->
                        h.info()
                            .arguments()
                            .map(a -> String.join(" ", a).contains("-Dagni.faults.run="))
                            .orElse(false))
                .ifPresent(
                    h -> {
                      System.out.println("[faults] killing node " + pid + " left by " + run);
                      h.destroyForcibly();
                    });
          }
        }
      }
    } catch (IOException e) {
      System.out.println("[faults] could not look for stale nodes: " + e);
    }
  }

  private static Long pidIn(Path file) {
    try {
      return Long.parseLong(Files.readString(file).trim());
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return id + "(:" + port + ", pid " + pid() + ")";
  }
}
