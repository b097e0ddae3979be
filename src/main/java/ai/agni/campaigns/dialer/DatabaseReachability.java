package ai.agni.campaigns.dialer;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node's engine reaches the database, as its own steps found it, and since when. why:
 * during an outage no node can write its heartbeat; when the database answers again every node's
 * heartbeat looks old. A node judges others dead, or their leases lost, only once it has itself
 * been connected for a whole node timeout, so every live node has had time to beat again first.
 */
final class DatabaseReachability {

  private static final Logger log = LoggerFactory.getLogger(DatabaseReachability.class);

  private Instant connectedSince = Instant.MIN;
  private Instant downSince;

  /** A step failed because the database could not be reached. */
  synchronized void unreachable(Instant now, String why) {
    if (downSince == null) {
      downSince = now;
      connectedSince = null;
      log.warn(
          "Database unreachable ({}): the engine dials nothing and keeps outcomes until it"
              + " answers",
          why);
    }
  }

  /** A step reached the database. */
  synchronized void reachable(Instant now) {
    if (downSince != null) {
      log.info(
          "Database reachable again after {} ms: the engine resumes",
          Duration.between(downSince, now).toMillis());
      downSince = null;
      connectedSince = now;
    }
  }

  /** Whether the database is reachable and has been for at least {@code period}. */
  synchronized boolean connectedFor(Duration period, Instant now) {
    return connectedSince != null
        && (connectedSince.equals(Instant.MIN) || !connectedSince.plus(period).isAfter(now));
  }

  synchronized boolean isDown() {
    return downSince != null;
  }
}
