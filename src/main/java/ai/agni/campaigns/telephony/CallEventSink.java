package ai.agni.campaigns.telephony;

import java.time.Instant;

/**
 * The engine's side of a live call: the adapter asks it when the call may leave, and reports
 * progress to it before the outcome.
 */
public interface CallEventSink {

  void ringing(Instant at);

  void answered(Instant at);

  /**
   * Asked by the adapter at the last moment before the call leaves (the INVITE, the request to the
   * runtime): null lets it go now, and it counts against the calls-per-second caps; otherwise the
   * instant to ask again. See {@link DialPacing#whenAdmitted}.
   */
  default Instant mayDial(Instant now) {
    return null;
  }

  /** The call admitted by {@link #mayDial} has left (its send returned) at this instant. */
  default void dialed(Instant at) {}

  CallEventSink NONE =
      new CallEventSink() {
        @Override
        public void ringing(Instant at) {}

        @Override
        public void answered(Instant at) {}
      };
}
