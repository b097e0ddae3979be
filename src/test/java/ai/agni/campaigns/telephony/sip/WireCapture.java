package ai.agni.campaigns.telephony.sip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What crossed the loopback wire towards a UDP port, captured by tcpdump (kernel timestamps): the
 * moments INVITEs actually left, whatever the peer's own clock says (sipp stamps a message when it
 * gets round to reading it). Needs tcpdump and the right to capture (root).
 */
final class WireCapture implements AutoCloseable {

  private static final Pattern PACKET = Pattern.compile("^(\\d+\\.\\d+) IP ");
  private static final Pattern CALL_ID = Pattern.compile("Call-ID: (\\S+)");

  private final Process process;
  private final Path file;

  private WireCapture(Process process, Path file) {
    this.process = process;
    this.file = file;
  }

  /** Starts capturing UDP packets to {@code port} on loopback; returns once tcpdump listens. */
  static WireCapture toUdpPort(int port, Path file) {
    try {
      Files.createDirectories(file.getParent());
      Process p =
          new ProcessBuilder(
                  "tcpdump", "-i", "lo", "-U", "-n", "-w", file.toString(), "udp dst port " + port)
              .start();
      BufferedReader err =
          new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = err.readLine()) != null && !line.contains("listening on")) {
        // why: tcpdump says it listens only once the capture is armed
      }
      if (line == null) {
        throw new IllegalStateException("tcpdump did not start capturing");
      }
      Thread drain = new Thread(() -> drainQuietly(err), "tcpdump-stderr");
      drain.setDaemon(true);
      drain.start();
      return new WireCapture(p, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the capture and returns when each call's first INVITE crossed, by Call-ID, in order. */
  List<Instant> firstInvites() throws IOException, InterruptedException {
    close();
    Process read =
        new ProcessBuilder("tcpdump", "-r", file.toString(), "-tt", "-n", "-A")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Map<String, Instant> first = new LinkedHashMap<>();
    Instant at = null;
    boolean invite = false;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(read.getInputStream(), StandardCharsets.ISO_8859_1))) {
      String line;
      while ((line = out.readLine()) != null) {
        Matcher packet = PACKET.matcher(line);
        if (packet.find()) {
          BigDecimal seconds = new BigDecimal(packet.group(1));
          at =
              Instant.ofEpochSecond(
                  seconds.longValue(),
                  seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
          invite = false;
          continue;
        }
        if (line.contains("INVITE sip:")) {
          invite = true;
        }
        Matcher id = CALL_ID.matcher(line);
        if (invite && at != null && id.find()) {
          first.putIfAbsent(id.group(1), at);
          invite = false;
        }
      }
    }
    read.waitFor(30, TimeUnit.SECONDS);
    List<Instant> times = new ArrayList<>(first.values());
    times.sort(null);
    return times;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static void drainQuietly(BufferedReader err) {
    try {
      while (err.readLine() != null) {
        // discard
      }
    } catch (IOException e) {
      // the capture ended
    }
  }
}
