package ai.agni.campaigns.telephony;

import java.time.Instant;
import java.util.UUID;

/**
 * The engine's door for progress that a provider reports out of band, to whichever node it reaches
 * (an HTTP runtime posts its call events to any node behind the load balancer). The engine settles
 * from the call's live row, so a result recorded here and one from the placing node's adapter are
 * recorded once between them.
 */
public interface CallReports {

  /** Whether the session is a placed call that has not ended. */
  boolean isLive(UUID sessionId);

  /** The call was answered (shown as in progress). */
  void answered(UUID sessionId, Instant at);

  /** Records the call's end; false when it was not live (unknown, or already ended). */
  boolean finished(UUID sessionId, CallResult result);
}
