package ai.agni.campaigns.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.agni.campaigns.phonenumber.NumberSecrets;
import ai.agni.campaigns.platform.AgniProperties;
import ai.agni.campaigns.platform.OutboundAddressPolicy;
import ai.agni.campaigns.platform.PublicBaseUrl;
import ai.agni.campaigns.platform.SecretCipher;
import ai.agni.campaigns.telephony.CallEventSink;
import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallRequest;
import ai.agni.campaigns.telephony.CallResult;
import ai.agni.campaigns.telephony.http.FakeRuntime.Reply;
import ai.agni.campaigns.testsupport.ManualTaskTimer;
import ai.agni.campaigns.testsupport.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter alone, against a real runtime on loopback: the address rule before any byte leaves,
 * numbers without a route, and the deadline measured on the injected clock and timer.
 */
class HttpRuntimeAdapterTest {

  private static final SecretCipher CIPHER = new SecretCipher(randomKey());

  private final MutableClock clock = new MutableClock(Instant.now());
  private final ManualTaskTimer timer = new ManualTaskTimer();
  private final FakeRuntime runtime;
  private HttpRuntimeAdapter adapter;

  HttpRuntimeAdapterTest() throws IOException {
    runtime = new FakeRuntime("s3cret");
  }

  @AfterEach
  void close() {
    runtime.close();
    if (adapter != null) {
      adapter.destroy();
    }
  }

  @Test
  void aLoopbackRuntimeIsRefusedBeforeAnyRequestWhenPrivateTargetsAreNotAllowed() {
    adapter = adapter(false);
    CallResult result =
        adapter.placeCall(request(runtime.url(), "s3cret"), CallEventSink.NONE).join();

    assertThat(result.outcome()).isEqualTo(CallOutcome.FAILED);
    assertThat(result.reason()).isEqualTo("runtime_unavailable");
    assertThat(result.countsAsAttempt()).isFalse();
    assertThat(result.detail()).isEqualTo("runtime address not allowed");
    assertThat(runtime.offers()).isEmpty();
  }

  @Test
  void aNumberWithoutUrlOrSecretNeverCallsOut() {
    adapter = adapter(true);
    CallResult noUrl = adapter.placeCall(request(null, "s3cret"), CallEventSink.NONE).join();
    assertThat(noUrl.reason()).isEqualTo("runtime_unavailable");
    assertThat(noUrl.detail()).isEqualTo("the number has no runtime_url");
    assertThat(noUrl.countsAsAttempt()).isFalse();
    CallResult noSecret = adapter.placeCall(request(runtime.url(), " "), CallEventSink.NONE).join();
    assertThat(noSecret.detail()).isEqualTo("the number has no runtime_secret");
    assertThat(runtime.offers()).isEmpty();
  }

  @Test
  void aSecretThatDoesNotOpenWithTheKeyNeverSignsAnOffer() {
    adapter = adapter(true);
    String otherKeys = new SecretCipher(randomKey()).seal("s3cret", NumberSecrets.RUNTIME_SECRET);
    String otherColumns = CIPHER.seal("s3cret", NumberSecrets.SIP_PASSWORD);
    for (String stored : List.of(otherKeys, otherColumns, "s3cret")) {
      CallRequest request = request(runtime.url(), null);
      Map<String, String> route = new HashMap<>(request.route());
      route.put(CallRequest.RUNTIME_SECRET, stored);
      CallResult result = adapter.placeCall(withRoute(request, route), CallEventSink.NONE).join();
      assertThat(result.reason()).isEqualTo("runtime_unavailable");
      assertThat(result.detail()).isEqualTo("the number's runtime_secret cannot be decrypted");
      assertThat(result.countsAsAttempt()).isFalse();
    }
    assertThat(runtime.offers()).isEmpty();
  }

  @Test
  void anAcceptedCallWithoutEventsIsLostAtRingPlusMaxPlusLostAfter() {
    adapter = adapter(true);
    runtime.script("+14155550301", Reply.accept());
    Instant placed = clock.instant();
    CallRequest request = request(runtime.url(), "s3cret");
    CompletableFuture<CallResult> call = adapter.placeCall(request, CallEventSink.NONE);
    await().atMost(Duration.ofSeconds(5)).until(() -> runtime.offers().size() == 1);
    assertThat(runtime.offers().get(0).signatureValid()).isTrue();
    assertThat(runtime.offers().get(0).body().get("events_url").asString())
        .isEqualTo("https://campaigns.example.com/api/v1/calling/call-events");

    // ring 2 s + max 3 s + lost-after 4 s
    timer.runUntil(clock, placed.plus(Duration.ofSeconds(9)).minusMillis(1));
    assertThat(call).isNotDone();
    timer.runUntil(clock, placed.plus(Duration.ofSeconds(9)));
    CallResult lost = call.join();
    assertThat(lost.outcome()).isEqualTo(CallOutcome.FAILED);
    assertThat(lost.reason()).isEqualTo("runtime_lost");
    assertThat(lost.retryable()).isTrue();
    assertThat(lost.countsAsAttempt()).isTrue();
    assertThat(lost.endedAt()).isEqualTo(placed.plus(Duration.ofSeconds(9)));

    // The ended call stays known for a while (a repeated final event finds it final), then goes.
    assertThat(adapter.local(request.sessionId())).get().matches(RuntimeCall::isDone);
    timer.advance(clock, HttpRuntimeAdapter.LINGER);
    assertThat(adapter.local(request.sessionId())).isEmpty();
    assertThat(adapter.callsHeld()).isZero();
  }

  @Test
  void theOfferLeavesOnlyWhenTheEnginesPacerAdmitsIt() {
    adapter = adapter(true);
    runtime.script("+14155550301", Reply.accept());
    Instant admitted = clock.instant().plusSeconds(1);
    List<Instant> asked = new CopyOnWriteArrayList<>();
    List<Instant> dialed = new CopyOnWriteArrayList<>();
    CallEventSink paced =
        new CallEventSink() {
          @Override
          public void ringing(Instant at) {}

          @Override
          public void answered(Instant at) {}

          @Override
          public Instant mayDial(Instant now) {
            asked.add(now);
            return now.isBefore(admitted) ? admitted : null;
          }

          @Override
          public void dialed(Instant at) {
            dialed.add(at);
          }
        };
    CompletableFuture<CallResult> call = adapter.placeCall(request(runtime.url(), "s3cret"), paced);

    assertThat(asked).hasSize(1);
    assertThat(dialed).isEmpty();
    timer.runUntil(clock, admitted);
    assertThat(asked).hasSize(2);
    assertThat(dialed).containsExactly(admitted);
    await().atMost(Duration.ofSeconds(5)).until(() -> runtime.offers().size() == 1);
    // The deadline (2 s + 3 s + 4 s) runs from the admitted offer, not from placeCall.
    timer.runUntil(clock, admitted.plusSeconds(9).minusMillis(1));
    assertThat(call).isNotDone();
    timer.runUntil(clock, admitted.plusSeconds(9));
    assertThat(call.join().reason()).isEqualTo("runtime_lost");
  }

  private HttpRuntimeAdapter adapter(boolean allowPrivate) {
    return new HttpRuntimeAdapter(
        new HttpRuntimeProperties(2_000L, 4_000L),
        new OutboundAddressPolicy(allowPrivate, InetAddress::getAllByName),
        new PublicBaseUrl(
            new AgniProperties(null, null, null, "https://campaigns.example.com/", null),
            new MockEnvironment()),
        JsonMapper.builder().build(),
        clock,
        timer,
        CIPHER);
  }

  private static CallRequest request(String url, String secret) {
    Map<String, String> route = new HashMap<>();
    if (url != null) {
      route.put(CallRequest.RUNTIME_URL, url);
    }
    if (secret != null) {
      // why sealed: the route carries the secret as stored; the adapter opens it to sign.
      route.put(CallRequest.RUNTIME_SECRET, CIPHER.seal(secret, NumberSecrets.RUNTIME_SECRET));
    }
    return new CallRequest(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "+14155550100",
        "+14155550301",
        Duration.ofSeconds(2),
        Duration.ofSeconds(3),
        Map.of("plan", "gold"),
        route);
  }

  private static CallRequest withRoute(CallRequest r, Map<String, String> route) {
    return new CallRequest(
        r.sessionId(),
        r.organizationId(),
        r.campaignId(),
        r.contactId(),
        r.agentId(),
        r.from(),
        r.to(),
        r.ringTimeout(),
        r.maxDuration(),
        r.variables(),
        route);
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
