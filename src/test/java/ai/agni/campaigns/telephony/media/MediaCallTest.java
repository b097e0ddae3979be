package ai.agni.campaigns.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.RealPeers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real media: {@link MediaCallRun} in a private network namespace of its own ({@code unshare -n},
 * loopback up and the default route on it, so baresip puts 127.0.0.1 into its SDP), on this test's
 * class path. Needs root, baresip and sox; skipped with a notice otherwise unless {@code
 * AGNI_TEST_MEDIA=required}.
 */
@Tag("media")
@ExtendWith(MediaCallTest.Peers.class)
class MediaCallTest {

  @Test
  void everyContactHearsTheAgentsToneOverRtpThatBypassesTheService() throws Exception {
    Path work = Path.of("target", "media", Long.toString(System.nanoTime())).toAbsolutePath();
    Files.createDirectories(work);
    String java = ProcessHandle.current().info().command().orElse("java");
    String inside =
        "ip link set lo up && ip route add default dev lo && exec \"$0\" -cp \"$1\" "
            + MediaCallRun.class.getName()
            + " \"$2\"";
    Process run =
        new ProcessBuilder(
                List.of(
                    "unshare",
                    "-n",
                    "sh",
                    "-c",
                    inside,
                    java,
                    System.getProperty("java.class.path"),
                    work.toString()))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("run.log").toFile())
            .start();
    boolean ended = run.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      run.destroyForcibly();
    }
    String log = Files.readString(work.resolve("run.log"));
    log.lines().filter(l -> l.startsWith("media:")).forEach(l -> System.out.println("[agni] " + l));
    assertThat(ended).as("finished within 180 s").isTrue();
    assertThat(run.exitValue()).as(log).isZero();
    assertThat(log).contains("media: PASS");
  }

  /** Root (for unshare -n), baresip and sox. */
  static final class Peers implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean tools =
          RealPeers.installed("baresip", "-h")
              && RealPeers.installed("sox", "--version")
              && RealPeers.installed("unshare", "--version");
      return RealPeers.condition(
          "media",
          tools && canUnshare(),
          "needs baresip, sox (apt-get install baresip-core sox) and root for unshare -n");
    }

    private static boolean canUnshare() {
      try {
        Process p = new ProcessBuilder("unshare", "-n", "true").start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
