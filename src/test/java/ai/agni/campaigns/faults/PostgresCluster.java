package ai.agni.campaigns.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster: initdb into a new directory under /tmp (owned by the {@code
 * postgres} user, which initdb and pg_ctl need when this process is root), started on a free port
 * of 127.0.0.1 with its socket in that directory, trust authentication for {@code postgres}. Never
 * the shared server on 5432. Stopped and deleted by {@link #close}; its log is copied out first.
 */
final class PostgresCluster implements AutoCloseable {

  static final String PREFIX = "agni-faults-pg-";
  private static final String OWNER_FILE = "owner.pid";

  private final FaultTools tools;
  private final Path dir;
  private final Path data;
  private final Path log;
  private final int port;
  private volatile boolean running;

  private PostgresCluster(FaultTools tools, Path dir, int port) {
    this.tools = tools;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.log = dir.resolve("postgres.log");
    this.port = port;
  }

  /** Creates and starts a cluster on {@code port} (checked not to be 5432). */
  static PostgresCluster start(FaultTools tools, int port)
      throws IOException, InterruptedException {
    if (port == 5432) {
      throw new IllegalArgumentException(
          "the fault suite never uses the shared server's port 5432");
    }
    removeStale(tools);
    Path dir =
        Files.createTempDirectory(
            Path.of("/tmp"),
            PREFIX,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
    if (tools.runuser() != null) {
      UserPrincipal postgres =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
    }
    PostgresCluster cluster = new PostgresCluster(tools, dir, port);
    cluster.run(
        Duration.ofMinutes(2),
        tools.pg("initdb").toString(),
        "-D",
        cluster.data.toString(),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-sync");
    cluster.startServer();
    return cluster;
  }

  int port() {
    return port;
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A new connection for the harness: short connect timeout, so a stopped server fails fast. */
  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl(database) + "?connectTimeout=5&socketTimeout=60&ApplicationName=agni-faults",
        "postgres",
        "");
  }

  void createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
  }

  /** Starts the server (after {@link #stop}); returns when it accepts connections. */
  void startServer() throws IOException, InterruptedException {
    run(
        Duration.ofMinutes(2),
        tools.pg("pg_ctl").toString(),
        "-D",
        data.toString(),
        "-l",
        log.toString(),
        "-w",
        "-t",
        "90",
        "-o",
        "-p "
            + port
            + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
            + dir
            + " -c max_connections=200",
        "start");
    running = true;
  }

  /** Stops the server: {@code fast} disconnects every client, as an operator's restart does. */
  void stop(String mode) throws IOException, InterruptedException {
    run(
        Duration.ofMinutes(2),
        tools.pg("pg_ctl").toString(),
        "-D",
        data.toString(),
        "-m",
        mode,
        "-w",
        "-t",
        "90",
        "stop");
    running = false;
  }

  /** Copies the server log to {@code target}, stops the server and deletes its directory. */
  void close(Path logCopy) {
    try {
      if (Files.exists(log) && logCopy != null) {
        Files.copy(log, logCopy, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      System.out.println("[faults] could not copy the PostgreSQL log: " + e);
    }
    close();
  }

  @Override
  public void close() {
    try {
      if (running || Files.exists(data.resolve("postmaster.pid"))) {
        stop("immediate");
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.out.println("[faults] stopping PostgreSQL at " + dir + " failed: " + e);
    }
    deleteTree(dir);
  }

  /**
   * Clusters of earlier runs whose harness process is gone (killed before its clean-up): stopped
   * and deleted, so they neither hold ports nor fill /tmp.
   */
  private static void removeStale(FaultTools tools) {
    try (Stream<Path> dirs = Files.list(Path.of("/tmp"))) {
      for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
        Path owner = d.resolve(OWNER_FILE);
        long pid;
        try {
          pid = Long.parseLong(Files.readString(owner).trim());
        } catch (IOException | NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        System.out.println("[faults] removing the stale cluster of an earlier run: " + d);
        PostgresCluster stale = new PostgresCluster(tools, d, -1);
        stale.close();
      }
    } catch (IOException e) {
      System.out.println("[faults] could not look for stale clusters: " + e);
    }
  }

  private String run(Duration timeout, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(tools.asPostgres(List.of(command)))
            .directory(Files.isDirectory(dir) ? dir.toFile() : null)
            .redirectErrorStream(true);
    builder.environment().remove("PGPORT");
    builder.environment().remove("PGDATA");
    builder.environment().remove("PGHOST");
    Process process = builder.start();
    // why a thread: a chatty program must not block on a full pipe while we wait for it.
    List<String> output = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                String all =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (output) {
                  output.add(all);
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish within " + timeout);
    }
    reader.join(5_000);
    String text;
    synchronized (output) {
      text = String.join("", output);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + text);
    }
    return text;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.out.println("[faults] could not delete " + root + ": " + e);
    }
  }

  /** When the server was last seen accepting a connection (for the outage record). */
  Instant awaitAccepting(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try (Connection c = connect("postgres")) {
        return Instant.now();
      } catch (SQLException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("PostgreSQL on port " + port + " did not come back");
  }
}
