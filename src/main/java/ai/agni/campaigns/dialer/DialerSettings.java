package ai.agni.campaigns.dialer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Settings under {@code agni.dialer.*}.
 *
 * @param enabled whether the engine runs on threads in this process (tests step it instead)
 * @param nodeId this node's name in {@code engine_nodes} and {@code calls.node} ({@code
 *     AGNI_NODE_ID}); stable across restarts so a restarted node reaps its own stale calls, and
 *     unique among running processes. Default: host name and HTTP port ({@code host:8080}), see
 *     {@link #withDefaultNodeId}
 * @param pollInterval the safety-net poll when nothing wakes the loop
 * @param claimHorizon how far ahead calls-per-second slots are reserved by one poll
 * @param heartbeatInterval how often the node refreshes its heartbeat
 * @param nodeTimeout a node whose heartbeat is older than this is dead and its calls are reaped
 *     ({@code AGNI_NODE_TIMEOUT}, default 30 s)
 * @param shutdownGrace on shutdown, how long live calls may go on before they are settled as the
 *     reaper would ({@code AGNI_SHUTDOWN_GRACE}, default 60 s)
 * @param batchSize the most contacts claimed by one statement
 */
@ConfigurationProperties("agni.dialer")
public record DialerSettings(
    boolean enabled,
    String nodeId,
    Duration pollInterval,
    Duration claimHorizon,
    @DurationUnit(ChronoUnit.SECONDS) Duration heartbeatInterval,
    @DurationUnit(ChronoUnit.SECONDS) Duration nodeTimeout,
    @DurationUnit(ChronoUnit.SECONDS) Duration shutdownGrace,
    int batchSize) {

  public DialerSettings {
    nodeId = nodeId == null || nodeId.isBlank() ? hostName() : nodeId.trim();
    pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    claimHorizon = claimHorizon == null ? Duration.ofSeconds(1) : claimHorizon;
    heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(5) : heartbeatInterval;
    nodeTimeout = nodeTimeout == null ? Duration.ofSeconds(30) : nodeTimeout;
    shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(60) : shutdownGrace;
    batchSize = batchSize <= 0 ? 200 : batchSize;
  }

  /**
   * These settings with the default node id when none was configured. why: the host name alone is
   * shared by two processes on one host: each would reap the other's live calls as its own at start
   * (the contacts then retried while the calls are still up), and neither would ever reap the
   * other's after a crash. The port tells them apart and stays the same across restarts.
   *
   * @param configuredNodeId {@code agni.dialer.node-id} as configured (blank: not set)
   * @param serverPort {@code server.port} as configured (blank: 8080)
   */
  public DialerSettings withDefaultNodeId(String configuredNodeId, String serverPort) {
    return configuredNodeId != null && !configuredNodeId.isBlank()
        ? this
        : new DialerSettings(
            enabled,
            defaultNodeId(hostName(), serverPort),
            pollInterval,
            claimHorizon,
            heartbeatInterval,
            nodeTimeout,
            shutdownGrace,
            batchSize);
  }

  /**
   * {@code host:port}; with a random port (0) no id is stable, so a random suffix keeps it unique
   * and the previous life's calls are reaped as a dead node's once its heartbeat expires.
   */
  static String defaultNodeId(String host, String serverPort) {
    String port = serverPort == null || serverPort.isBlank() ? "8080" : serverPort.trim();
    if (port.equals("0")) {
      port = "0-" + UUID.randomUUID().toString().substring(0, 8);
    }
    return host + ":" + port;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node-1";
    }
  }
}
