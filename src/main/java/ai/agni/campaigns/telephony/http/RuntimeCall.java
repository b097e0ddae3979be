package ai.agni.campaigns.telephony.http;

import ai.agni.campaigns.telephony.CallEventSink;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A call this node handed to a runtime, until it ends: the engine's future and sink. Every method
 * is safe under any interleaving of the runtime's answer, its events and the deadline; the first
 * end wins and later ones are ignored.
 */
final class RuntimeCall {

  private final UUID sessionId;
  private final CallEventSink sink;
  private final Instant placedAt;
  private final CompletableFuture<CallResult> result = new CompletableFuture<>();
  private final AtomicReference<Instant> answeredAt = new AtomicReference<>();
  private volatile boolean accepted;

  RuntimeCall(UUID sessionId, CallEventSink sink, Instant placedAt) {
    this.sessionId = sessionId;
    this.sink = sink;
    this.placedAt = placedAt;
  }

  UUID sessionId() {
    return sessionId;
  }

  Instant placedAt() {
    return placedAt;
  }

  CompletableFuture<CallResult> result() {
    return result;
  }

  boolean isDone() {
    return result.isDone();
  }

  Instant answeredAt() {
    return answeredAt.get();
  }

  /** The runtime answered the POST with a 2xx. */
  void accepted() {
    accepted = true;
  }

  /**
   * The runtime did not take the call (non-2xx, timeout, refused). Ignored once it accepted or
   * reported any progress: a runtime that reported the call is placing it, whatever its answer.
   */
  boolean refused(CallResult unavailable) {
    return !accepted && result.complete(unavailable);
  }

  /** A {@code ringing} event; true when the call is live and not yet answered. */
  boolean ringing(Instant at) {
    accepted = true;
    if (result.isDone() || answeredAt.get() != null) {
      return false;
    }
    sink.ringing(at);
    return true;
  }

  /** An {@code answered} event; true only for the first answer of a live call. */
  boolean answered(Instant at) {
    accepted = true;
    if (result.isDone() || !answeredAt.compareAndSet(null, at)) {
      return false;
    }
    sink.answered(at);
    return true;
  }

  /** The call ended; true when this was its end (the first one). */
  boolean finish(CallResult end) {
    accepted = true;
    return result.complete(end);
  }
}
