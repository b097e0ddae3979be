package ai.agni.campaigns.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The public API over real HTTP with one organization's key, as a client uses it. */
final class RuntimeApiClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = JsonMapper.builder().build();
  private final String base;
  private final String key;

  RuntimeApiClient(int port, String key) {
    this.base = "http://127.0.0.1:" + port + "/api/v1";
    this.key = key;
  }

  /** {@code data} of a 200 answer. */
  JsonNode data(String method, String path, String body) {
    return call(method, path, body).get("data");
  }

  JsonNode call(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("X-Api-Key", key)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode())
          .as(method + " " + path + " -> " + response.body())
          .isEqualTo(200);
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  String agent(String body) {
    return data("POST", "/agents/", body).get("id").asString();
  }

  String httpNumber(String phone, String runtimeUrl, String secret) {
    return data(
            "POST",
            "/phone-numbers",
            "{\"phone_number\":\"%s\",\"provider\":\"http\",\"runtime_url\":\"%s\",\"runtime_secret\":\"%s\"}"
                .formatted(phone, runtimeUrl, secret))
        .get("id")
        .asString();
  }

  String singleCall(String agentId, String from, String to) {
    return call(
            "POST",
            "/calling/create-call",
            "{\"type\":\"outbound_call\",\"agent_id\":\"%s\",\"from_phone_number\":\"%s\",\"to_phone_number\":\"%s\"}"
                .formatted(agentId, from, to))
        .get("session_id")
        .asString();
  }

  JsonNode session(String sessionId) {
    return data("GET", "/calling/call-sessions-detail/" + sessionId, null);
  }
}
