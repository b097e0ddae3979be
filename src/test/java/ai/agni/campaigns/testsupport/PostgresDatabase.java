package ai.agni.campaigns.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL test database: 127.0.0.1:5432, database {@code test}, user {@code postgres} unless
 * {@code AGNI_TEST_POSTGRES_URL} says otherwise. With {@code AGNI_TEST_POSTGRES=required} (as in
 * CI) a missing server fails the suite; otherwise the PostgreSQL suite is skipped with a notice.
 * Each test class gets its own schema, and the session time zone is deliberately not UTC, to catch
 * timestamp bugs.
 */
public final class PostgresDatabase implements ExecutionCondition {

  public static final String SESSION_TIME_ZONE = "America/Los_Angeles";
  private static final AtomicBoolean NOTICE_PRINTED = new AtomicBoolean();

  public static String baseUrl() {
    String url = System.getenv("AGNI_TEST_POSTGRES_URL");
    return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test" : url;
  }

  public static String user() {
    String user = System.getenv("AGNI_TEST_POSTGRES_USER");
    return user == null || user.isBlank() ? "postgres" : user;
  }

  static boolean required() {
    String value = System.getenv("AGNI_TEST_POSTGRES");
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("required");
  }

  /** A new schema name, unique to the caller. */
  public static String newSchema() {
    return "agni_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** The test server's host and port, from {@link #baseUrl}. */
  public static java.net.InetSocketAddress server() {
    java.net.URI uri = java.net.URI.create(baseUrl().substring("jdbc:".length()));
    return java.net.InetSocketAddress.createUnresolved(
        uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
  }

  /**
   * As {@link #register}, with the application connecting through {@code proxy} (a {@link TcpProxy}
   * to {@link #server}) so a test can cut the database away.
   */
  public static void registerThrough(
      DynamicPropertyRegistry registry, String schema, TcpProxy proxy) {
    register(registry, schema);
    java.net.InetSocketAddress server = server();
    String direct = "//" + server.getHostString() + ":";
    String url = baseUrl();
    String proxied =
        url.contains(direct + server.getPort())
            ? url.replace(direct + server.getPort(), "//127.0.0.1:" + proxy.port())
            : url.replace("//" + server.getHostString(), "//127.0.0.1:" + proxy.port());
    String separator = proxied.contains("?") ? "&" : "?";
    registry.add("spring.datasource.url", () -> proxied + separator + "currentSchema=" + schema);
  }

  /** Points Spring's datasource and Flyway at a fresh schema of the test database. */
  public static void register(DynamicPropertyRegistry registry, String schema) {
    String separator = baseUrl().contains("?") ? "&" : "?";
    registry.add("spring.datasource.url", () -> baseUrl() + separator + "currentSchema=" + schema);
    registry.add("spring.datasource.username", PostgresDatabase::user);
    registry.add("spring.datasource.password", () -> "");
    registry.add(
        "spring.datasource.hikari.connection-init-sql",
        () -> "SET TIME ZONE '" + SESSION_TIME_ZONE + "'");
    // why: every test class with its own schema keeps its Spring context (and pool) cached; small
    // pools keep the suite under the server's max_connections (100 by default).
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
    registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    registry.add("spring.flyway.schemas", () -> schema);
    registry.add("spring.flyway.default-schema", () -> schema);
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (required() || reachable()) {
      return ConditionEvaluationResult.enabled("PostgreSQL available");
    }
    String notice =
        "PostgreSQL suite skipped: no server at "
            + baseUrl()
            + " (set AGNI_TEST_POSTGRES=required to make that a failure)";
    if (NOTICE_PRINTED.compareAndSet(false, true)) {
      System.out.println("[agni] " + notice);
    }
    return ConditionEvaluationResult.disabled(notice);
  }

  private static boolean reachable() {
    String rest = baseUrl().replaceFirst("^jdbc:postgresql://", "");
    String hostPort = rest.substring(0, rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
    String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
    int port =
        hostPort.contains(":")
            ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1))
            : 5432;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
