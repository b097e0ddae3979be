package ai.agni.campaigns.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The service on a real port as a client calls it (JDK {@code HttpClient}, the organization's key
 * in {@code X-Api-Key}), for the tests that run the whole application. Paths are full ({@code
 * /api/v1/...}, {@code /dashboard/}).
 */
public final class LiveApi {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String origin;
  private final String key;

  public LiveApi(int port, String key) {
    this.origin = "http://127.0.0.1:" + port;
    this.key = key;
  }

  /** Sends a JSON request (or none) with the key and returns the answer, whatever its status. */
  public HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    return exchange(
        request(path, key).header("Content-Type", "application/json").method(method, publisher));
  }

  /** Sends a JSON request with the key, asserts a 200 and returns its body. */
  public String ok(String method, String path, String body) {
    return assertOk(method, path, send(method, path, body));
  }

  /** Posts a CSV file to {@code path} (an import) with the key, asserts a 200, returns the body. */
  public String postCsv(String path, String csv) {
    HttpResponse<String> response =
        exchange(
            request(path, key)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    return assertOk("POST", path, response);
  }

  /** A GET with the given key, or none when {@code apiKey} is null; any status. */
  public HttpResponse<String> get(String path, String apiKey) {
    return exchange(request(path, apiKey).GET());
  }

  /** A POST without a body with the given key; any status. */
  public HttpResponse<String> post(String path, String apiKey) {
    return exchange(request(path, apiKey).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path, String apiKey) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path));
    if (apiKey != null) {
      builder.header("X-Api-Key", apiKey);
    }
    return builder;
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + origin, e);
    }
  }

  private static String assertOk(String method, String path, HttpResponse<String> response) {
    assertThat(response.statusCode())
        .as(method + " " + path + " -> " + response.body())
        .isEqualTo(200);
    return response.body();
  }
}
