package ai.agni.campaigns.telephony.http;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Offers one call to a runtime: the signed POST on the JDK client, after the private-address rule.
 * Never blocks its caller: the target is resolved on the client's executor, and the whole offer,
 * resolution included, has the accept timeout.
 */
final class RuntimeClient {

  static final String SESSION_HEADER = "X-Agni-Session";

  /**
   * The runtime's answer.
   *
   * @param accepted a 2xx within the timeout
   * @param retryAfter the runtime's {@code Retry-After} on a 429 or 503, or null
   * @param detail what happened, for the call record ({@code HTTP 503}, {@code timed out after
   *     10000 ms}, ...); null when accepted
   */
  record Answer(boolean accepted, Duration retryAfter, String detail) {

    static final Answer ACCEPTED = new Answer(true, null, null);

    static Answer refused(String detail) {
      return new Answer(false, null, detail);
    }
  }

  private final HttpClient http;
  private final Executor executor;
  private final OutboundAddressPolicy policy;
  private final Duration timeout;
  private final Clock clock;

  RuntimeClient(
      HttpClient http,
      Executor executor,
      OutboundAddressPolicy policy,
      Duration timeout,
      Clock clock) {
    this.http = http;
    this.executor = executor;
    this.policy = policy;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** The client every runtime call uses: no redirects, HTTP/1.1, connect within the timeout. */
  static HttpClient httpClient(Duration timeout, Executor executor) {
    return HttpClient.newBuilder()
        .connectTimeout(timeout)
        // why never: a redirect would take the call to a target the address rule did not check.
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .executor(executor)
        .build();
  }

  /** POSTs {@code body} to {@code url}, signed with {@code secret}; completes normally always. */
  CompletableFuture<Answer> offer(URI url, String secret, UUID sessionId, byte[] body) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    AtomicReference<CompletableFuture<HttpResponse<Void>>> sending = new AtomicReference<>();
    CompletableFuture.supplyAsync(() -> checked(url), executor)
        .thenCompose(
            target -> {
              CompletableFuture<HttpResponse<Void>> send =
                  http.sendAsync(request(target, secret, sessionId, body), discard());
              sending.set(send);
              return send;
            })
        .whenComplete(
            (response, error) ->
                answer.complete(
                    error == null ? answer(response) : Answer.refused(describe(error))));
    answer.completeOnTimeout(Answer.refused(timedOut()), timeout.toMillis(), TimeUnit.MILLISECONDS);
    // why cancel: a send still under way once the answer is known has no one to answer.
    answer.thenRun(
        () -> {
          CompletableFuture<HttpResponse<Void>> send = sending.get();
          if (send != null) {
            send.cancel(true);
          }
        });
    return answer;
  }

  private URI checked(URI url) {
    try {
      policy.check(url.getHost());
      return url;
    } catch (IOException e) {
      throw new CompletionException(e);
    }
  }

  private HttpRequest request(URI url, String secret, UUID sessionId, byte[] body) {
    long t = clock.instant().getEpochSecond();
    return HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "agni-campaigns")
        .header(Signatures.HEADER, Signatures.sign(secret, t, body))
        .header(SESSION_HEADER, sessionId.toString())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static HttpResponse.BodyHandler<Void> discard() {
    return HttpResponse.BodyHandlers.discarding();
  }

  private Answer answer(HttpResponse<Void> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Answer.ACCEPTED;
    }
    Duration retryAfter =
        status == 429 || status == 503
            ? response
                .headers()
                .firstValue("Retry-After")
                .flatMap(value -> retryAfter(value, clock.instant()))
                .orElse(null)
            : null;
    return new Answer(false, retryAfter, "HTTP " + status);
  }

  /** {@code Retry-After} as seconds or as an HTTP date; anything else is ignored. */
  static Optional<Duration> retryAfter(String value, Instant now) {
    String v = value.trim();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(now, at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private String timedOut() {
    return "timed out after " + timeout.toMillis() + " ms";
  }

  private String describe(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof OutboundAddressPolicy.AddressNotAllowedException) {
      return OutboundAddressPolicy.NOT_ALLOWED;
    }
    if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
      return timedOut();
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    if (cause instanceof UnknownHostException) {
      return "unknown host";
    }
    String message = cause.getMessage();
    String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.length() > 180 ? text.substring(0, 180) : text;
  }
}
