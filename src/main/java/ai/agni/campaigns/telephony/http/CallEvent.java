package ai.agni.campaigns.telephony.http;

import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One progress report of a runtime, validated: {@code {session_id, status, reason?, at?}}.
 *
 * @param reason the runtime's reason, reduced to at most 100 printable ASCII characters, or null
 * @param at when it happened, never after the moment it was received
 */
record CallEvent(UUID sessionId, Status status, String reason, Instant at) {

  static final int MAX_REASON = 100;

  /** The statuses a runtime may report; the last five end the call. */
  enum Status {
    RINGING(null),
    ANSWERED(null),
    COMPLETED(CallOutcome.COMPLETED),
    NO_ANSWER(CallOutcome.NO_ANSWER),
    BUSY(CallOutcome.BUSY),
    VOICEMAIL(CallOutcome.VOICEMAIL),
    FAILED(CallOutcome.FAILED);

    static final List<String> NAMES = Arrays.stream(values()).map(Status::apiName).toList();

    private final CallOutcome outcome;

    Status(CallOutcome outcome) {
      this.outcome = outcome;
    }

    String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean isFinal() {
      return outcome != null;
    }

    static Status of(String apiName) {
      return valueOf(apiName.toUpperCase(Locale.ROOT));
    }
  }

  /** The session named by the body; a missing or malformed id is a 400 naming it. */
  static UUID sessionId(CallEventRequest event) {
    SentFields body = event.sent();
    if (event.sessionId() == null || event.sessionId().isBlank()) {
      // why spelled out: an absent field is named in camelCase, and events are snake_case.
      throw new InvalidRequestException(
          body.has("sessionId") ? body.field("sessionId") : "session_id", "is required");
    }
    String text = event.sessionId().trim();
    try {
      UUID id = UUID.fromString(text);
      if (!id.toString().equalsIgnoreCase(text)) {
        throw body.invalid("sessionId", "must be a UUID");
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw body.invalid("sessionId", "must be a UUID");
    }
  }

  /** Reads the rest of the event; anything malformed is a 400 naming the field. */
  static CallEvent read(UUID sessionId, CallEventRequest event, Instant now) {
    SentFields body = event.sent();
    if (event.status() == null) {
      throw body.invalid("status", "is required (one of " + String.join(", ", Status.NAMES) + ")");
    }
    String sentStatus = event.status().trim().toLowerCase(Locale.ROOT);
    if (!Status.NAMES.contains(sentStatus)) {
      throw body.invalid("status", "must be one of " + String.join(", ", Status.NAMES));
    }
    String reason = sanitize(event.reason());
    return new CallEvent(sessionId, Status.of(sentStatus), reason, at(body, event.at(), now));
  }

  /**
   * The call's end as the engine records it. {@code answeredAt} is the answer already reported
   * (null if none); {@code notBefore} when the call was placed, if known.
   */
  CallResult result(Instant answeredAt, Instant notBefore) {
    String why = reason != null ? reason : status.apiName();
    boolean retryable =
        switch (status.outcome) {
          case COMPLETED -> false;
          case FAILED -> !"invalid_number".equals(why);
          default -> true;
        };
    Instant ended = at;
    if (notBefore != null && ended.isBefore(notBefore)) {
      ended = notBefore;
    }
    if (answeredAt != null && ended.isBefore(answeredAt)) {
      ended = answeredAt;
    }
    return new CallResult(status.outcome, why, retryable, answeredAt, ended);
  }

  /** The event's time, no earlier than {@code notBefore} when that is known. */
  Instant atOrAfter(Instant notBefore) {
    return notBefore != null && at.isBefore(notBefore) ? notBefore : at;
  }

  /** Printable ASCII only, at most {@link #MAX_REASON} characters; null when nothing is left. */
  static String sanitize(String reason) {
    if (reason == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(reason.length(), MAX_REASON));
    for (int i = 0; i < reason.length() && out.length() < MAX_REASON; i++) {
      char c = reason.charAt(i);
      if (c >= 0x20 && c <= 0x7E) {
        out.append(c);
      }
    }
    String clean = out.toString().trim();
    return clean.isEmpty() ? null : clean;
  }

  private static Instant at(SentFields body, String text, Instant now) {
    if (text == null) {
      return now;
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw body.invalid("at", "must be an ISO-8601 time with offset, e.g. 2026-03-20T10:30:00Z");
    }
    // why: a runtime's clock running ahead must not end a call in our future.
    return at.isAfter(now) ? now : at;
  }
}
