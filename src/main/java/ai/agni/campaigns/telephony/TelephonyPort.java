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

  /**
   * Gets ready to place calls soon (the engine calls it when it claims them, before their slots):
   * an adapter that starts lazily does its slow start here, so the first calls do not leave late
   * and together. Cheap when ready.
   */
  default void prepare() {}

  /**
   * The node is shutting down and its calls still live after the grace are settled: the adapter
   * ends what it controls (SIP: CANCEL a ringing contact, BYE both legs of a connected call) so no
   * leg is left up without anyone to end it. Their results no longer count.
   */
  default void hangUpAll() {}
}
