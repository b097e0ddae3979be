package ai.agni.campaigns.webhook;

import ai.agni.campaigns.platform.OutboundAddressPolicy;
import ai.agni.campaigns.platform.Signatures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Sends one delivery on the JDK HTTP client, on the caller's thread (a deliverer's worker): the
 * private-address rule on the resolved host, then the signed POST, answered within the timeout. The
 * only place webhook HTTP happens; no HTTP type leaves it.
 *
 * <p>DNS rebinding: the client resolves the host again when it connects; as {@link
 * OutboundAddressPolicy} explains, both lookups go through the JVM's address cache, so the
 * connection reaches the address checked unless that entry expires in between.
 */
final class WebhookSender {

  static final String EVENT_ID_HEADER = "X-Agni-Event-Id";

  /**
   * What the receiver answered.
   *
   * @param statusCode the HTTP status, or null when no answer came
   * @param error why it is not delivered (null when delivered)
   */
  record Answer(Integer statusCode, String error) {
    boolean delivered() {
      return error == null;
    }
  }

  private final HttpClient http;
  private final OutboundAddressPolicy policy;
  private final Duration timeout;

  WebhookSender(HttpClient http, OutboundAddressPolicy policy, Duration timeout) {
    this.http = http;
    this.policy = policy;
    this.timeout = timeout;
  }

  /** The client deliveries use: no redirects (to targets the rule did not check), HTTP/1.1. */
  static HttpClient httpClient(Duration timeout) {
    return HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** POSTs the body to the URL, signed with the secrets (new first) at unix time {@code t}. */
  Answer send(String url, UUID eventId, String body, List<String> secrets, long t) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return new Answer(null, "invalid url");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return new Answer(null, "invalid url");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try {
      policy.check(uri.getHost());
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("User-Agent", "agni-campaigns")
              .header(Signatures.HEADER, Signatures.sign(secrets, t, bytes))
              .header(EVENT_ID_HEADER, eventId.toString())
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300
          ? new Answer(status, null)
          : new Answer(status, "HTTP " + status);
    } catch (OutboundAddressPolicy.AddressNotAllowedException e) {
      return new Answer(null, OutboundAddressPolicy.NOT_ALLOWED);
    } catch (HttpTimeoutException e) {
      return new Answer(null, "timed out after " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return new Answer(null, "connection refused");
    } catch (UnknownHostException e) {
      return new Answer(null, "unknown host");
    } catch (IOException e) {
      return new Answer(null, describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(null, "interrupted");
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.length() > 180 ? text.substring(0, 180) : text;
  }
}
