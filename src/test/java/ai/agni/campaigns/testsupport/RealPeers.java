package ai.agni.campaigns.testsupport;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whether a real peer program (sipp, baresip, ...) can run here. A suite that needs one is skipped
 * with a notice when it is missing, unless {@code AGNI_TEST_<SUITE>=required} (CI), which makes it
 * a failure instead: the same rule as the PostgreSQL suite.
 */
public final class RealPeers {

  private static final ConcurrentHashMap<String, Boolean> FOUND = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, Boolean> NOTICED = new ConcurrentHashMap<>();

  private RealPeers() {}

  /** Whether {@code AGNI_TEST_<suite>} is {@code required}. */
  public static boolean required(String suite) {
    String value = System.getenv("AGNI_TEST_" + suite.toUpperCase(Locale.ROOT));
    return value != null && value.trim().equalsIgnoreCase("required");
  }

  /** Whether the program answers {@code <program> <versionFlag>} (any exit code). */
  public static boolean installed(String program, String versionFlag) {
    return FOUND.computeIfAbsent(
        program,
        p -> {
          try {
            Process process = new ProcessBuilder(p, versionFlag).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS);
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        });
  }

  /** Enabled when available or required; else disabled with a notice printed once per suite. */
  public static ConditionEvaluationResult condition(String suite, boolean available, String why) {
    if (available || required(suite)) {
      return ConditionEvaluationResult.enabled(suite + " peers available");
    }
    String notice =
        suite
            + " suite skipped: "
            + why
            + " (set AGNI_TEST_"
            + suite.toUpperCase(Locale.ROOT)
            + "=required to make that a failure)";
    if (NOTICED.putIfAbsent(suite, true) == null) {
      System.out.println("[agni] " + notice);
    }
    return ConditionEvaluationResult.disabled(notice);
  }

  /** The SIP load run also captures the wire: tcpdump, run as root. */
  public static final class Tcpdump implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean root = "root".equals(System.getProperty("user.name"));
      return condition(
          "sip",
          root && installed("tcpdump", "--version"),
          "the load run needs tcpdump (apt-get install tcpdump) and root to capture loopback");
    }
  }

  /** The condition of the SIP suite: sipp (Debian sip-tester) on the PATH. */
  public static final class Sipp implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return condition(
          "sip", installed("sipp", "-v"), "sipp is not installed (apt-get install sip-tester)");
    }
  }
}
