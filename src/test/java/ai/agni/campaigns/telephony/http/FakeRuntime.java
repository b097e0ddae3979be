package ai.agni.campaigns.telephony.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A voice-agent runtime of the {@code http} provider, on a real HTTP server on 127.0.0.1: it checks
 * the signature of each call it is offered (with its own HMAC code, not the service's), answers as
 * the test scripted for the callee, then posts the scripted events, signed, to the call's {@code
 * events_url} (or to another node). Sleeps only to play a slow runtime or the time between events.
 */
final class FakeRuntime implements AutoCloseable {

  static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** One call offered to the runtime, as it arrived. */
  record Offer(JsonNode body, String sessionHeader, boolean signatureValid, Instant receivedAt) {
    String sessionId() {
      return body.get("session_id").asString();
    }
  }

  /**
   * One event to post after the answer.
   *
   * @param after how long to wait before posting it
   * @param secret the secret to sign with; null: the runtime's own
   */
  /** One event to post; {@code base} is another node to post it to, or null. */
  record Step(Duration after, String status, String reason, String secret, String base) {
    Step(Duration after, String status, String reason, String secret) {
      this(after, status, reason, secret, null);
    }

    /** This event, posted to the node at {@code base} instead. */
    Step to(String otherBase) {
      return new Step(after, status, reason, secret, otherBase);
    }

    static Step of(String status) {
      return new Step(Duration.ofMillis(30), status, null, null);
    }

    static Step of(String status, String reason) {
      return new Step(Duration.ofMillis(30), status, reason, null);
    }

    static Step late(Duration after, String status) {
      return new Step(after, status, null, null);
    }
  }

  /** How the runtime answers one offer. */
  record Reply(int status, Map<String, String> headers, Duration delay, List<Step> events) {
    static Reply accept(Step... events) {
      return new Reply(200, Map.of(), Duration.ZERO, List.of(events));
    }

    static Reply status(int status, Map<String, String> headers) {
      return new Reply(status, headers, Duration.ZERO, List.of());
    }

    static Reply slow(Duration delay) {
      return new Reply(200, Map.of(), delay, List.of());
    }
  }

  /** One event the runtime posted, with the service's answer. */
  record Posted(String sessionId, String status, String at, int answerStatus, JsonNode answer) {}

  private final String secret;
  private final HttpServer server;
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = JsonMapper.builder().build();
  private final List<Offer> offers = new CopyOnWriteArrayList<>();
  private final List<Posted> posted = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Integer, Reply>> scripts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> offersPerCallee = new ConcurrentHashMap<>();
  private volatile String eventsBase;

  FakeRuntime(String secret) throws IOException {
    this.secret = secret;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(workers);
    server.createContext("/calls", this::offered);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/calls";
  }

  /** Every offer to {@code callee} gets this reply. */
  FakeRuntime script(String callee, Reply reply) {
    return script(callee, n -> reply);
  }

  /** The n-th offer (1-based) to {@code callee} gets {@code replies.apply(n)}. */
  FakeRuntime script(String callee, Function<Integer, Reply> replies) {
    scripts.put(callee, replies);
    return this;
  }

  /** Post events to this base URL instead of each call's {@code events_url} (another node). */
  void postEventsTo(String base) {
    this.eventsBase = base;
  }

  List<Offer> offers() {
    return List.copyOf(offers);
  }

  List<Posted> posted(String sessionId) {
    return posted.stream().filter(p -> p.sessionId().equals(sessionId)).toList();
  }

  private void offered(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      JsonNode call = json.readTree(body);
      String signature = exchange.getRequestHeaders().getFirst("X-Agni-Signature");
      offers.add(
          new Offer(
              call,
              exchange.getRequestHeaders().getFirst("X-Agni-Session"),
              validSignature(signature, body),
              Instant.now()));
      String callee = call.get("to").asString();
      int n = offersPerCallee.computeIfAbsent(callee, c -> new AtomicInteger()).incrementAndGet();
      Reply reply =
          scripts
              .getOrDefault(
                  callee,
                  k -> Reply.accept(Step.of("ringing"), Step.of("answered"), Step.of("completed")))
              .apply(n);
      if (!reply.delay().isZero()) {
        Thread.sleep(reply.delay().toMillis());
      }
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(reply.status(), -1);
      if (!reply.events().isEmpty()) {
        String eventsUrl =
            eventsBase != null
                ? eventsBase + HttpRuntimeAdapter.EVENTS_PATH
                : call.get("events_url").asString();
        String session = call.get("session_id").asString();
        workers.execute(() -> post(eventsUrl, session, reply.events()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void post(String eventsUrl, String session, List<Step> steps) {
    try {
      for (Step step : steps) {
        Thread.sleep(step.after().toMillis());
        String at = MILLIS.format(Instant.now());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("session_id", session);
        event.put("status", step.status());
        if (step.reason() != null) {
          event.put("reason", step.reason());
        }
        event.put("at", at);
        byte[] body = json.writeValueAsBytes(event);
        long t = Instant.now().getEpochSecond();
        String key = step.secret() != null ? step.secret() : secret;
        HttpRequest request =
            HttpRequest.newBuilder(
                    URI.create(
                        step.base() != null
                            ? step.base() + HttpRuntimeAdapter.EVENTS_PATH
                            : eventsUrl))
                .header("Content-Type", "application/json")
                .header("X-Agni-Signature", "t=" + t + ",v1=" + hmac(key, t, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        posted.add(
            new Posted(
                session, step.status(), at, answer.statusCode(), json.readTree(answer.body())));
      }
    } catch (IOException e) {
      posted.add(new Posted(session, "error: " + e, null, -1, null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean validSignature(String header, byte[] body) {
    if (header == null) {
      return false;
    }
    Long t = null;
    List<String> v1 = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv[0].equals("t")) {
        t = Long.parseLong(kv[1]);
      } else if (kv[0].equals("v1")) {
        v1.add(kv[1]);
      }
    }
    return t != null
        && Math.abs(Instant.now().getEpochSecond() - t) <= 300
        && v1.contains(hmac(secret, t, body));
  }

  static String hmac(String key, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
