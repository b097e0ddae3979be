package ai.agni.campaigns.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The service's HTTP API as a client calls it, with one organization's key at a time. */
final class ServiceApi {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json;
  private final int port;
  private String key;

  ServiceApi(ObjectMapper json, int port) {
    this.json = json;
    this.port = port;
  }

  /** Calls from now on use this organization's key. */
  void useKey(String apiKey) {
    this.key = apiKey;
  }

  HttpResponse<String> call(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
            .header("X-Api-Key", key)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The envelope's {@code data} of a 200 answer. */
  JsonNode data(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body()).get("data");
  }

  JsonNode data(String method, String path, String body) throws Exception {
    return data(call(method, path, body));
  }

  /** The id of what a 200 answer created. */
  String id(HttpResponse<String> answer) {
    return data(answer).get("id").asString();
  }

  /** POSTs and returns the created id. */
  String id(String path, String body) throws Exception {
    return id(call("POST", path, body));
  }
}
