package ai.agni.campaigns.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The service's HTTP API across the nodes, as a client behind a load balancer sees it: each call
 * goes to the next node that is alive; a node that is down or restarting (refused connection,
 * timeout) or answers 503 (database unreachable) or 429 is retried on another node until a
 * deadline. A write is retried only when it certainly was not received (connection refused) or was
 * refused as a whole (503, 429), so nothing is created twice.
 */
final class ClusterApi {

  /** One answer, and which node gave it. */
  record Answer(int status, String body, String node) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<ServiceNode> nodes;
  private final ObjectMapper json;
  private final AtomicInteger next = new AtomicInteger();
  private volatile String key;

  ClusterApi(List<ServiceNode> nodes, ObjectMapper json) {
    this.nodes = nodes;
    this.json = json;
  }

  void useKey(String apiKey) {
    this.key = apiKey;
  }

  ObjectMapper json() {
    return json;
  }

  /** The envelope's {@code data} of a 200 answer; anything else fails with the answer. */
  JsonNode data(String method, String path, Object body) throws InterruptedException {
    Answer answer = send(method, path, body, Map.of(), Duration.ofSeconds(90));
    if (answer.status() != 200) {
      throw new AssertionError(
          method
              + " "
              + path
              + " -> "
              + answer.status()
              + " from "
              + answer.node()
              + ": "
              + body(answer));
    }
    return json.readTree(answer.body()).get("data");
  }

  /** A call with retries on other nodes until {@code patience} is spent. */
  Answer send(
      String method, String path, Object body, Map<String, String> headers, Duration patience)
      throws InterruptedException {
    String text =
        body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
    boolean idempotent = method.equals("GET");
    Instant deadline = Instant.now().plus(patience);
    String last = "no node alive";
    for (int round = 0; ; round++) {
      ServiceNode node = pick();
      if (node != null) {
        try {
          HttpResponse<String> response =
              http.send(
                  request(node, method, path, text, headers), HttpResponse.BodyHandlers.ofString());
          int status = response.statusCode();
          if (status != 503 && status != 429) {
            return new Answer(status, response.body(), node.id());
          }
          last = node.id() + " answered " + status + ": " + response.body();
        } catch (ConnectException e) {
          last = node.id() + ": " + e;
        } catch (IOException e) {
          if (!idempotent) {
            throw new AssertionError(
                method + " " + path + " to " + node.id() + " failed after it was sent: " + e, e);
          }
          last = node.id() + ": " + e;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            method
                + " "
                + path
                + ": no node answered within "
                + patience
                + " (last: "
                + last
                + ")");
      }
      Thread.sleep(Math.min(1_000, 100L * (round + 1)));
    }
  }

  /** An admin call (X-Admin-Token), sent to one node that is up. */
  JsonNode admin(String path, Object body, String token) throws InterruptedException {
    Answer answer =
        send("POST", path, body, Map.of("X-Admin-Token", token), Duration.ofSeconds(60));
    if (answer.status() != 200) {
      throw new AssertionError("POST " + path + " -> " + answer.status() + ": " + body(answer));
    }
    return json.readTree(answer.body()).get("data");
  }

  private HttpRequest request(
      ServiceNode node, String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(node.base() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null && !headers.containsKey("X-Admin-Token")) {
      builder.header("X-Api-Key", key);
    }
    headers.forEach(builder::header);
    return builder.build();
  }

  /** The next node whose process is alive, round robin; null when none is. */
  private ServiceNode pick() {
    for (int i = 0; i < nodes.size(); i++) {
      ServiceNode node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
      if (node.alive() && !node.restarting()) {
        return node;
      }
    }
    for (ServiceNode node : nodes) {
      if (node.alive()) {
        return node;
      }
    }
    return null;
  }

  private static String body(Answer answer) {
    String b = answer.body();
    return b.length() > 2_000 ? b.substring(0, 2_000) + "..." : b;
  }
}
