package ai.agni.campaigns.telephony.http;

import ai.agni.campaigns.phonenumber.NumberSecrets;
import ai.agni.campaigns.platform.OutboundAddressPolicy;
import ai.agni.campaigns.platform.PublicBaseUrl;
import ai.agni.campaigns.platform.SecretCipher;
import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.telephony.CallEventSink;
import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallRequest;
import ai.agni.campaigns.telephony.CallResult;
import ai.agni.campaigns.telephony.DialPacing;
import ai.agni.campaigns.telephony.TelephonyPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code http} provider: each call is offered to the number's {@code runtime_url}, which places
 * it with its own telephony and reports progress to {@link CallEventsController}. A 2xx within the
 * accept timeout takes the call; anything else ends it as the line being unavailable (reason {@code
 * runtime_unavailable}: the contact keeps its attempt and the number backs off, honouring {@code
 * Retry-After}). A call with no final event by ring timeout + max duration + {@code lost-after}
 * ends {@code failed} / {@code runtime_lost}, retryable.
 *
 * <p>The calls this node placed wait here until they end; events that reach this node end them
 * here. Events for calls of other nodes go through the engine's reports, from the database; then
 * this node's deadline ends the call a second time later, which the engine ignores. Ended calls
 * stay known for a while, so a repeated final event reaching this node finds them final.
 */
@Component
public class HttpRuntimeAdapter implements TelephonyPort, DisposableBean {

  public static final String PROVIDER = "http";
  public static final String RUNTIME_UNAVAILABLE = "runtime_unavailable";
  public static final String RUNTIME_LOST = "runtime_lost";

  /** Where runtimes post their events, below the public base URL. */
  public static final String EVENTS_PATH = "/api/v1/calling/call-events";

  static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);

  /** How long an ended call stays known to this node. */
  static final Duration LINGER = Duration.ofMinutes(2);

  /** The stored secret is sealed; it is opened here, to sign the offer, and nowhere else. */
  private static final String SECRET_PURPOSE = NumberSecrets.RUNTIME_SECRET;

  private static final Logger log = LoggerFactory.getLogger(HttpRuntimeAdapter.class);

  private final ConcurrentHashMap<UUID, RuntimeCall> calls = new ConcurrentHashMap<>();
  private final HttpRuntimeProperties properties;
  private final PublicBaseUrl publicUrl;
  private final ObjectMapper json;
  private final Clock clock;
  private final TaskTimer timer;
  private final ExecutorService executor;
  private final RuntimeClient client;
  private final SecretCipher secrets;

  public HttpRuntimeAdapter(
      HttpRuntimeProperties properties,
      OutboundAddressPolicy policy,
      PublicBaseUrl publicUrl,
      ObjectMapper json,
      Clock clock,
      TaskTimer timer,
      SecretCipher secrets) {
    this.properties = properties;
    this.secrets = secrets;
    this.publicUrl = publicUrl;
    this.json = json;
    this.clock = clock;
    this.timer = timer;
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    this.client =
        new RuntimeClient(
            RuntimeClient.httpClient(properties.acceptTimeout(), executor),
            executor,
            policy,
            properties.acceptTimeout(),
            clock);
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public CompletableFuture<CallResult> placeCall(CallRequest request, CallEventSink events) {
    String url = request.route(CallRequest.RUNTIME_URL);
    String sealed = request.route(CallRequest.RUNTIME_SECRET);
    if (url == null || url.isBlank()) {
      return unplaced("the number has no runtime_url");
    }
    String secret;
    try {
      secret = sealed == null || sealed.isBlank() ? null : secrets.open(sealed, SECRET_PURPOSE);
    } catch (SecretCipher.UnreadableSecret e) {
      log.error("Call {} not offered: {}", request.sessionId(), e.getMessage());
      return unplaced("the number's runtime_secret cannot be decrypted");
    }
    if (secret == null || secret.isBlank()) {
      return unplaced("the number has no runtime_secret");
    }
    URI target;
    try {
      target = new URI(url.trim());
    } catch (URISyntaxException e) {
      return unplaced("runtime_url is not a URL");
    }
    byte[] body = body(request);
    UUID session = request.sessionId();
    CallEventSink sink = events == null ? CallEventSink.NONE : events;
    RuntimeCall call = new RuntimeCall(session, sink, clock.instant());
    // why before the offer: the runtime may report the call before its 2xx reaches us.
    calls.put(session, call);
    call.result()
        .whenComplete(
            (result, error) -> timer.schedule(clock.instant().plus(LINGER), () -> forget(call)));
    // why paced here: the calls-per-second caps hold at the moment the request leaves.
    DialPacing.whenAdmitted(sink, clock, timer, () -> offer(call, request, target, secret, body));
    return call.result();
  }

  /** Sends the offer (never blocks: resolution and sending run on the client's threads). */
  private void offer(
      RuntimeCall call, CallRequest request, URI target, String secret, byte[] body) {
    timer.schedule(clock.instant().plus(deadline(request)), () -> lost(call));
    client
        .offer(target, secret, call.sessionId(), body)
        .thenAccept(answer -> answered(call, answer));
  }

  /** The live or recently ended call of {@code sessionId} if this node placed it. */
  Optional<RuntimeCall> local(UUID sessionId) {
    return Optional.ofNullable(calls.get(sessionId));
  }

  /** Calls this node knows, live or recently ended; for tests. */
  int callsHeld() {
    return calls.size();
  }

  private void answered(RuntimeCall call, RuntimeClient.Answer answer) {
    if (answer.accepted()) {
      call.accepted();
      return;
    }
    CallResult unavailable =
        CallResult.lineUnavailable(RUNTIME_UNAVAILABLE, answer.retryAfter(), clock.instant())
            .withProvider(null, "runtime " + answer.detail());
    if (call.refused(unavailable)) {
      log.info("Runtime did not take call {}: {}", call.sessionId(), answer.detail());
    }
  }

  private void lost(RuntimeCall call) {
    CallResult lost =
        new CallResult(CallOutcome.FAILED, RUNTIME_LOST, true, call.answeredAt(), clock.instant());
    if (call.finish(lost)) {
      log.info(
          "Call {} had no final event from its runtime in time: runtime_lost", call.sessionId());
    }
  }

  private void forget(RuntimeCall call) {
    calls.remove(call.sessionId(), call);
  }

  /** Ring timeout + max duration + lost-after, from the moment the offer leaves. */
  private Duration deadline(CallRequest request) {
    Duration ring = request.ringTimeout() != null ? request.ringTimeout() : DEFAULT_RING_TIMEOUT;
    Duration max = request.maxDuration() != null ? request.maxDuration() : DEFAULT_MAX_DURATION;
    return ring.plus(max).plus(properties.lostAfter());
  }

  private byte[] body(CallRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session_id", request.sessionId());
    body.put("organization_id", request.organizationId());
    body.put("campaign_id", request.campaignId());
    body.put("contact_id", request.contactId());
    body.put("agent_id", request.agentId());
    body.put("from", request.from());
    body.put("to", request.to());
    body.put(
        "ring_timeout_ms",
        (request.ringTimeout() != null ? request.ringTimeout() : DEFAULT_RING_TIMEOUT).toMillis());
    body.put(
        "max_duration_ms",
        (request.maxDuration() != null ? request.maxDuration() : DEFAULT_MAX_DURATION).toMillis());
    body.put("variables", request.variables() == null ? Map.of() : request.variables());
    body.put("events_url", publicUrl.resolve(EVENTS_PATH));
    return json.writeValueAsBytes(body);
  }

  private CompletableFuture<CallResult> unplaced(String detail) {
    return CompletableFuture.completedFuture(
        CallResult.lineUnavailable(RUNTIME_UNAVAILABLE, null, clock.instant())
            .withProvider(null, detail));
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "agni-http-runtime-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
