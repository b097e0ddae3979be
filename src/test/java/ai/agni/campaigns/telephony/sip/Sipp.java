package ai.agni.campaigns.telephony.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One sipp process playing a peer (the trunk or the agent runtime) with a scenario file of {@code
 * src/test/resources/sipp}, on 127.0.0.1 and a free port, its output and message trace in {@code
 * target/sipp/<name>}. Closing it kills it.
 */
final class Sipp implements AutoCloseable {

  private static final Path SCENARIOS = Path.of("src/test/resources/sipp");

  private final Process process;
  private final Path dir;
  private final int port;

  private Sipp(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /**
   * Starts sipp as a UAS with the scenario, for {@code calls} calls, over {@code transport} (u1:
   * UDP, t1: TCP).
   */
  static Sipp serve(String scenario, String name, int calls, String transport, String... extra) {
    return serveOn(freePort(), scenario, name, calls, transport, extra);
  }

  /** As {@link #serve}, on a given port (a peer that comes back on the same address). */
  static Sipp serveOn(
      int port, String scenario, String name, int calls, String transport, String... extra) {
    return start(port, scenario, name, calls, transport, true, extra);
  }

  /** As {@link #serve}, without the message trace (for load: the trace costs sipp more than us). */
  static Sipp serveUntraced(String scenario, String name, int calls, String transport) {
    return start(freePort(), scenario, name, calls, transport, false);
  }

  private static Sipp start(
      int port,
      String scenario,
      String name,
      int calls,
      String transport,
      boolean trace,
      String... extra) {
    Path dir = Path.of("target", "sipp", name + "-" + port + "-" + System.nanoTime());
    try {
      Files.createDirectories(dir);
      List<String> command = new ArrayList<>();
      command.addAll(
          List.of(
              "sipp",
              "-sf",
              SCENARIOS.resolve(scenario).toAbsolutePath().toString(),
              "-i",
              "127.0.0.1",
              "-p",
              Integer.toString(port),
              "-t",
              transport,
              "-m",
              Integer.toString(calls),
              "-nostdin",
              // why: a TCP peer closing its connection must not fail sipp's other calls.
              "-reconnect_close",
              "false",
              "-trace_err",
              "-timeout",
              "120s",
              "-timeout_error"));
      if (trace) {
        command.add("-trace_msg");
      }
      command.addAll(List.of(extra));
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("sipp.out").toFile())
              .start();
      return new Sipp(process, dir, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  /** The sipp URI of this peer for a phone number's trunk or an agent. */
  String uri(String user, String transport) {
    String userPart = user == null ? "" : user + "@";
    return "sip:"
        + userPart
        + "127.0.0.1:"
        + port
        + (transport.startsWith("t") ? ";transport=tcp" : "");
  }

  /** Waits for sipp to finish its calls; its exit code (0: every call as the scenario says). */
  int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  /** Everything sipp wrote: its screen, error log and message trace. */
  String log() {
    StringBuilder out = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        out.append("==== ").append(f.getFileName()).append('\n').append(Files.readString(f));
      }
    } catch (IOException e) {
      out.append("(cannot read ").append(dir).append(": ").append(e).append(')');
    }
    return out.toString();
  }

  /** The message trace (every SIP message sipp sent and received). */
  String messages() {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().endsWith("_messages.log")) {
          return Files.readString(f);
        }
      }
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** A port free for both UDP and TCP on loopback. */
  static int freePort() {
    for (int i = 0; i < 50; i++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException busy) {
          // try another
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port for UDP and TCP");
  }
}
