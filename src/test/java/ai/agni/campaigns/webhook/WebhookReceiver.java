package ai.agni.campaigns.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver of webhooks on 127.0.0.1 and a random port: records every request it gets
 * (headers and raw body) and answers as told: a status, hanging past the sender's timeout, or
 * closing the connection without an answer. Answers queued with {@link #next} come first, then the
 * default ({@link #always}).
 */
public final class WebhookReceiver implements AutoCloseable {

  /** How the receiver answers one request. */
  public sealed interface Behaviour {}

  /** Answer with this status. */
  public record Status(int code) implements Behaviour {}

  /** Read the request, then say nothing for this long (past the sender's timeout). */
  public record Hang(Duration howLong) implements Behaviour {}

  /** Read the request, then close the connection without an answer. */
  public record Close() implements Behaviour {}

  public static final Behaviour OK = new Status(200);
  public static final Behaviour FAIL = new Status(500);

  /**
   * One request as received, and how it was answered ({@code 200}, {@code 500}, {@code hang},
   * {@code close}).
   */
  public record Received(
      String eventId,
      String signature,
      String contentType,
      String body,
      String answer,
      long receivedAtMillis,
      String path) {

    public boolean got2xx() {
      return answer.startsWith("2");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedQueue<Behaviour> queued = new ConcurrentLinkedQueue<>();
  private volatile Behaviour always = OK;

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public WebhookReceiver always(Behaviour behaviour) {
    this.always = behaviour;
    return this;
  }

  public WebhookReceiver next(Behaviour... behaviours) {
    queued.addAll(List.of(behaviours));
    return this;
  }

  public List<Received> received() {
    synchronized (received) {
      return new ArrayList<>(received);
    }
  }

  /** How many requests arrived (cheaper than a copy of them). */
  public int count() {
    return received.size();
  }

  public void clear() {
    received.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Behaviour b = queued.poll();
    if (b == null) {
      b = always;
    }
    String answer =
        b instanceof Status s ? String.valueOf(s.code()) : b instanceof Hang ? "hang" : "close";
    received.add(
        new Received(
            exchange.getRequestHeaders().getFirst("X-Agni-Event-Id"),
            exchange.getRequestHeaders().getFirst("X-Agni-Signature"),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            new String(body, StandardCharsets.UTF_8),
            answer,
            System.currentTimeMillis(),
            exchange.getRequestURI().getPath()));
    if (b instanceof Status s) {
      exchange.sendResponseHeaders(s.code(), -1);
      exchange.close();
    } else if (b instanceof Hang h) {
      try {
        Thread.sleep(h.howLong().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    } else {
      // why no answer: close() before sendResponseHeaders drops the connection.
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
