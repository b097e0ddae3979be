package ai.agni.campaigns.telephony;

import java.util.concurrent.CompletableFuture;

/**
 * Places one outbound call. The future completes once, when the call has ended, with its outcome;
 * progress (ringing, answered) arrives on the sink before that. Implementations never block the
 * caller.
 */
public interface TelephonyPort {

  /** The provider name this adapter serves: simulated, sip or http. */
  String provider();

  CompletableFuture<CallResult> placeCall(CallRequest request, CallEventSink events);
}
