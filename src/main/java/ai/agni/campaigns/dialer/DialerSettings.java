package ai.agni.campaigns.dialer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code agni.dialer.*}.
 *
 * @param enabled whether the engine runs on threads in this process (tests step it instead)
 * @param nodeId this node's name in {@code engine_nodes} and {@code calls.node}; stable across
 *     restarts so a restarted node reaps its own stale calls (default: the host name)
 * @param pollInterval the safety-net poll when nothing wakes the loop
 * @param claimHorizon how far ahead calls-per-second slots are reserved by one poll
 * @param heartbeatInterval how often the node refreshes its heartbeat
 * @param nodeTimeout a node whose heartbeat is older than this is dead and its calls are reaped
 * @param batchSize the most contacts claimed by one statement
 */
@ConfigurationProperties("agni.dialer")
public record DialerSettings(
    boolean enabled,
    String nodeId,
    Duration pollInterval,
    Duration claimHorizon,
    Duration heartbeatInterval,
    Duration nodeTimeout,
    int batchSize) {

  public DialerSettings {
    nodeId = nodeId == null || nodeId.isBlank() ? hostName() : nodeId.trim();
    pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    claimHorizon = claimHorizon == null ? Duration.ofSeconds(1) : claimHorizon;
    heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(5) : heartbeatInterval;
    nodeTimeout = nodeTimeout == null ? Duration.ofSeconds(30) : nodeTimeout;
    batchSize = batchSize <= 0 ? 200 : batchSize;
  }

  /** The same settings for another node id (tests run several nodes in one process). */
  public DialerSettings forNode(String otherNodeId) {
    return new DialerSettings(
        enabled,
        otherNodeId,
        pollInterval,
        claimHorizon,
        heartbeatInterval,
        nodeTimeout,
        batchSize);
  }

  /** The same settings with another claim horizon (tests step time in coarser polls). */
  public DialerSettings withClaimHorizon(Duration horizon) {
    return new DialerSettings(
        enabled, nodeId, pollInterval, horizon, heartbeatInterval, nodeTimeout, batchSize);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node-1";
    }
  }
}
