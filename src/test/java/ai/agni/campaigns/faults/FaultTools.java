package ai.agni.campaigns.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The programs the fault suite runs, and which of them are missing: PostgreSQL's {@code initdb} and
 * {@code pg_ctl} (the newest {@code /usr/lib/postgresql/<version>/bin}, or {@code
 * AGNI_FAULT_PG_BIN}), {@code runuser} and a {@code postgres} user when running as root (both
 * refuse root), java, and the packaged jar ({@code target/agni-campaigns.jar}, or {@code
 * AGNI_FAULT_JAR} / {@code -Dagni.fault.jar}).
 */
record FaultTools(Path pgBin, Path runuser, Path java, Path jar, List<String> missing) {

  static FaultTools find() {
    List<String> missing = new ArrayList<>();
    Path pgBin = findPgBin();
    if (pgBin == null) {
      missing.add(
          "PostgreSQL server binaries not found (/usr/lib/postgresql/<version>/bin/{initdb,pg_ctl};"
              + " apt-get install postgresql, or set AGNI_FAULT_PG_BIN)");
    }
    Path runuser = null;
    if (asRoot()) {
      runuser =
          Stream.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")
              .map(Path::of)
              .filter(Files::isExecutable)
              .findFirst()
              .orElse(null);
      if (runuser == null) {
        missing.add("runuser not found (util-linux): initdb and pg_ctl refuse to run as root");
      }
      if (!postgresUserExists()) {
        missing.add("no 'postgres' OS user to run initdb and pg_ctl as");
      }
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    if (!Files.isExecutable(java)) {
      missing.add("java not found at " + java);
    }
    Path jar = findJar();
    if (!Files.isRegularFile(jar)) {
      missing.add(
          "the packaged jar "
              + jar
              + " is missing (mvn -B -q -o package -DskipTests, or set AGNI_FAULT_JAR)");
    }
    return new FaultTools(pgBin, runuser, java, jar, List.copyOf(missing));
  }

  static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The command, run as the {@code postgres} user when this process is root. */
  List<String> asPostgres(List<String> command) {
    List<String> out = new ArrayList<>();
    if (runuser != null) {
      out.addAll(List.of(runuser.toString(), "-u", "postgres", "--"));
    }
    out.addAll(command);
    return out;
  }

  Path pg(String program) {
    return pgBin.resolve(program);
  }

  private static Path findPgBin() {
    String configured = setting("AGNI_FAULT_PG_BIN", "agni.fault.pg-bin");
    if (configured != null) {
      Path bin = Path.of(configured);
      return hasServer(bin) ? bin : null;
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
          .sorted(
              Comparator.comparingDouble((Path p) -> Double.parseDouble(p.getFileName().toString()))
                  .reversed())
          .map(p -> p.resolve("bin"))
          .filter(FaultTools::hasServer)
          .findFirst()
          .orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static boolean hasServer(Path bin) {
    return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
  }

  private static boolean postgresUserExists() {
    try {
      return Files.readAllLines(Path.of("/etc/passwd")).stream()
          .anyMatch(line -> line.startsWith("postgres:"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Path findJar() {
    String configured = setting("AGNI_FAULT_JAR", "agni.fault.jar");
    return (configured != null ? Path.of(configured) : Path.of("target", "agni-campaigns.jar"))
        .toAbsolutePath();
  }

  /** An environment variable, else a system property; null when neither is set (or blank). */
  static String setting(String env, String property) {
    String value = System.getenv(env);
    if (value == null || value.isBlank()) {
      value = System.getProperty(property);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }
}
