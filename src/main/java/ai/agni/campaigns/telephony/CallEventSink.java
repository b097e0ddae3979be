package ai.agni.campaigns.telephony;

import java.time.Instant;

/** Progress of a live call, reported by the adapter before the outcome. */
public interface CallEventSink {

  void ringing(Instant at);

  void answered(Instant at);

  CallEventSink NONE =
      new CallEventSink() {
        @Override
        public void ringing(Instant at) {}

        @Override
        public void answered(Instant at) {}
      };
}
