package ai.agni.campaigns.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agni.campaigns.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Choosing the adapter by provider name, and what an unknown provider answers. */
class TelephonyRouterTest {

  private static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
  private static final CallResult BUSY =
      new CallResult(CallOutcome.BUSY, "busy", true, null, NOW.plusSeconds(3));

  private final MutableClock clock = new MutableClock(NOW);
  private final TelephonyPort fake = port("simulated");
  private final TelephonyRouter router = new TelephonyRouter(List.of(fake, port("sip")), clock);

  @Test
  void routesToTheAdapterOfTheProviderIgnoringCase() {
    assertThat(router.supports("simulated")).isTrue();
    assertThat(router.port(" Simulated ")).isSameAs(fake);
    assertThat(router.placeCall("simulated", request(), CallEventSink.NONE).join()).isEqualTo(BUSY);
  }

  @Test
  void anUnknownProviderFailsTheCallAtOnceWithoutRetry() {
    assertThat(router.supports("http")).isFalse();
    CompletableFuture<CallResult> call = router.placeCall("http", request(), CallEventSink.NONE);

    assertThat(call)
        .isCompletedWithValue(
            new CallResult(CallOutcome.FAILED, "provider_unavailable", false, null, NOW));
    assertThat(router.port(null).placeCall(request(), CallEventSink.NONE).join().reason())
        .isEqualTo("provider_unavailable");
  }

  @Test
  void twoAdaptersForOneProviderAreAStartupError() {
    assertThatThrownBy(() -> new TelephonyRouter(List.of(port("sip"), port("SIP")), clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sip");
  }

  private static TelephonyPort port(String provider) {
    return new TelephonyPort() {
      @Override
      public String provider() {
        return provider;
      }

      @Override
      public CompletableFuture<CallResult> placeCall(CallRequest request, CallEventSink events) {
        return CompletableFuture.completedFuture(BUSY);
      }
    };
  }

  private static CallRequest request() {
    return new CallRequest(
        UUID.randomUUID(),
        UUID.randomUUID(),
        null,
        UUID.randomUUID(),
        UUID.randomUUID(),
        "+14155550100",
        "+14155550101",
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        Map.of(),
        Map.of());
  }
}
