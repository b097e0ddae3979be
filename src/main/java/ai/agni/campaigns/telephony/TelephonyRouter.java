package ai.agni.campaigns.telephony;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Picks the adapter for a phone number's provider. An unknown or unconfigured provider is not an
 * exception: the call ends at once as a non-retryable {@code failed} with reason {@code
 * provider_unavailable}, so the engine records it like any other outcome.
 */
@Component
public class TelephonyRouter {

  public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";

  private final Map<String, TelephonyPort> ports = new HashMap<>();
  private final Clock clock;

  public TelephonyRouter(List<TelephonyPort> ports, Clock clock) {
    this.clock = clock;
    for (TelephonyPort port : ports) {
      TelephonyPort previous = this.ports.put(key(port.provider()), port);
      if (previous != null) {
        throw new IllegalStateException(
            "two telephony adapters for provider " + key(port.provider()));
      }
    }
  }

  /** Whether an adapter serves {@code provider} (case-insensitive). */
  public boolean supports(String provider) {
    return ports.containsKey(key(provider));
  }

  /** The adapter for {@code provider}; never null: unknown providers get one that always fails. */
  public TelephonyPort port(String provider) {
    TelephonyPort port = ports.get(key(provider));
    return port != null ? port : new Unavailable(provider);
  }

  /** Readies the adapter for {@code provider} (see {@link TelephonyPort#prepare}). */
  /**
   * Shutdown: every adapter ends the calls it still holds (see {@link TelephonyPort#hangUpAll}).
   */
  public void hangUpAll() {
    ports.values().forEach(TelephonyPort::hangUpAll);
  }

  public void prepare(String provider) {
    port(provider).prepare();
  }

  /** Places the call through the adapter for {@code provider}. */
  public CompletableFuture<CallResult> placeCall(
      String provider, CallRequest request, CallEventSink events) {
    return port(provider).placeCall(request, events);
  }

  private static String key(String provider) {
    return provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
  }

  private final class Unavailable implements TelephonyPort {
    private final String provider;

    Unavailable(String provider) {
      this.provider = provider;
    }

    @Override
    public String provider() {
      return provider;
    }

    @Override
    public CompletableFuture<CallResult> placeCall(CallRequest request, CallEventSink events) {
      return CompletableFuture.completedFuture(
          new CallResult(CallOutcome.FAILED, PROVIDER_UNAVAILABLE, false, null, clock.instant()));
    }
  }
}
