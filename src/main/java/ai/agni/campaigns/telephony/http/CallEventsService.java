package ai.agni.campaigns.telephony.http;

import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.RequestBinder;
import ai.agni.campaigns.api.UnauthorizedException;
import ai.agni.campaigns.phonenumber.NumberSecrets;
import ai.agni.campaigns.platform.SecretCipher;
import ai.agni.campaigns.platform.Signatures;
import ai.agni.campaigns.telephony.CallReports;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes a runtime's call event: checks it in the order that tells a caller without the secret the
 * least (signature header present, a JSON body naming a session, an {@code http} session, a valid
 * and fresh signature, then the rest of the event), then applies it. A call this node placed is
 * ended on this node's adapter; any other goes through the engine's {@link CallReports}, which
 * settles from the database once whoever reports first. Repeated, late and out-of-order events
 * change nothing: a final state is final, and an answer counts only for a live, unanswered call.
 */
@Service
class CallEventsService {

  /** Answers heard here for calls of other nodes, so their end keeps the answer time. */
  private static final int REMEMBERED_ANSWERS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(CallEventsService.class);

  private final HttpCallRepository sessions;
  private final HttpRuntimeAdapter adapter;
  private final CallReports reports;
  private final RequestBinder binder;
  private final SecretCipher secrets;
  private final Clock clock;
  private final Map<UUID, Instant> answeredElsewhere =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Instant> eldest) {
              return size() > REMEMBERED_ANSWERS;
            }
          });

  CallEventsService(
      HttpCallRepository sessions,
      HttpRuntimeAdapter adapter,
      CallReports reports,
      RequestBinder binder,
      SecretCipher secrets,
      Clock clock) {
    this.sessions = sessions;
    this.adapter = adapter;
    this.reports = reports;
    this.binder = binder;
    this.secrets = secrets;
    this.clock = clock;
  }

  /** What became of one event. */
  record Receipt(UUID sessionId, boolean applied) {}

  Receipt receive(String signature, byte[] body) {
    if (signature == null || signature.isBlank()) {
      throw new UnauthorizedException("Missing " + Signatures.HEADER + " header");
    }
    RequestBinder.Binding<CallEventRequest> bound =
        binder.tryBind(binder.readTree(body), CallEventRequest.class);
    if (bound.value() == null) {
      throw RequestBinder.invalid(bound.problems());
    }
    CallEventRequest event = bound.value();
    // why first: the session names the secret the signature is checked with; the rest of the
    // body is judged only once the sender is known.
    String sessionField = event.sent().field("sessionId");
    bound.problems().stream()
        .filter(problem -> problem.field().equals(sessionField))
        .findFirst()
        .ifPresent(
            problem -> {
              throw new InvalidRequestException(problem.field(), problem.message());
            });
    UUID sessionId = CallEvent.sessionId(event);
    HttpCallRepository.ReportedSession session =
        sessions
            .find(sessionId)
            .filter(s -> HttpRuntimeAdapter.PROVIDER.equalsIgnoreCase(s.provider()))
            .orElseThrow(() -> new NotFoundException("Call session", sessionId));
    Instant now = clock.instant();
    Signatures.Verdict verdict =
        Signatures.verify(signature, openSecret(session), body, now, Signatures.TOLERANCE);
    if (!verdict.valid()) {
      throw new UnauthorizedException(describe(verdict));
    }
    if (!bound.problems().isEmpty()) {
      throw RequestBinder.invalid(bound.problems());
    }
    CallEvent parsed = CallEvent.read(sessionId, event, now);
    Optional<RuntimeCall> local = adapter.local(sessionId);
    boolean applied =
        local.isPresent() ? applyHere(local.get(), parsed) : applyElsewhere(session, parsed);
    return new Receipt(sessionId, applied);
  }

  private boolean applyHere(RuntimeCall call, CallEvent event) {
    return switch (event.status()) {
      case RINGING -> call.ringing(event.atOrAfter(call.placedAt()));
      case ANSWERED -> call.answered(event.atOrAfter(call.placedAt()));
      default -> call.finish(event.result(call.answeredAt(), call.placedAt()));
    };
  }

  private boolean applyElsewhere(HttpCallRepository.ReportedSession session, CallEvent event) {
    UUID id = session.sessionId();
    if (!reports.isLive(id)) {
      answeredElsewhere.remove(id);
      return false;
    }
    return switch (event.status()) {
      // why no write: the call row shows ringing from its placement on.
      case RINGING -> session.answeredAt() == null && !answeredElsewhere.containsKey(id);
      case ANSWERED -> {
        if (session.answeredAt() != null || answeredElsewhere.putIfAbsent(id, event.at()) != null) {
          yield false;
        }
        reports.answered(id, event.at());
        yield true;
      }
      default -> {
        Instant answered = answeredElsewhere.remove(id);
        CallResult result = event.result(answered != null ? answered : session.answeredAt(), null);
        yield reports.finished(id, result);
      }
    };
  }

  /** The number's secret, opened to check the signature; none when it cannot be opened. */
  private List<String> openSecret(HttpCallRepository.ReportedSession session) {
    if (session.runtimeSecret() == null) {
      return List.of();
    }
    try {
      return List.of(secrets.open(session.runtimeSecret(), NumberSecrets.RUNTIME_SECRET));
    } catch (SecretCipher.UnreadableSecret e) {
      log.error("Event of call {} not checked: {}", session.sessionId(), e.getMessage());
      return List.of();
    }
  }

  private static String describe(Signatures.Verdict verdict) {
    return switch (verdict) {
      case MISSING -> "Missing " + Signatures.HEADER + " header";
      case MALFORMED -> Signatures.HEADER + " must be t=<unix seconds>,v1=<hex HMAC-SHA256>";
      case EXPIRED -> Signatures.HEADER + " timestamp is more than 5 minutes from now";
      default -> Signatures.HEADER + " does not match";
    };
  }
}
