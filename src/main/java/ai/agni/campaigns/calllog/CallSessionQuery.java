package ai.agni.campaigns.calllog;

import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.phonenumber.E164;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The query of {@code GET /calling/call-sessions}, bound by Spring MVC from the query string in
 * either casing ({@code page_size} or {@code pageSize}) and checked with Bean Validation; a bad
 * value is a 400 naming the parameter as sent.
 */
record CallSessionQuery(
    @Parameter(name = "page", description = "1-based, default 1")
        @Min(value = 1, message = "must be 1 or more")
        Integer page,
    @Parameter(name = "page_size", description = "1..1000, default 20")
        @Min(value = 1, message = "must be between 1 and " + SessionPage.MAX_SIZE)
        @Max(
            value = SessionPage.MAX_SIZE,
            message = "must be between 1 and " + SessionPage.MAX_SIZE)
        Integer pageSize,
    @Parameter(name = "campaign_id") UUID campaignId,
    @Parameter(name = "agent_id") UUID agentId,
    @Parameter(name = "contact_id") UUID contactId,
    @Parameter(
            name = "status",
            description = "One status or a comma-separated list",
            schema =
                @Schema(
                    example = "completed,no_answer",
                    description =
                        "completed, no_answer, busy, voicemail, failed, queued, ringing,"
                            + " in_progress"))
        String status,
    @Parameter(name = "caller_number", description = "E.164 (an unencoded + is understood)")
        String callerNumber,
    @Parameter(name = "callee_number", description = "E.164 (an unencoded + is understood)")
        String calleeNumber,
    @Parameter(name = "started_after", description = "ISO-8601 instant or date (UTC)")
        String startedAfter,
    @Parameter(name = "started_before", description = "ISO-8601 instant or date (UTC)")
        String startedBefore,
    @Parameter(
            name = "sort_order",
            description = "By start time; default desc",
            schema = @Schema(allowableValues = {"asc", "desc"}))
        @Pattern(regexp = "(?i)\\s*(asc|desc)?\\s*", message = "must be asc or desc")
        String sortOrder) {

  static final Set<String> STATUSES =
      Set.of(
          "completed",
          "no_answer",
          "busy",
          "voicemail",
          "failed",
          "queued",
          "ringing",
          "in_progress");

  CallSessionFilter filter(String region) {
    return new CallSessionFilter(
        campaignId,
        agentId,
        contactId,
        statuses(),
        phone("caller_number", callerNumber, region),
        phone("callee_number", calleeNumber, region),
        instant("started_after", startedAfter),
        instant("started_before", startedBefore),
        sortOrder != null && sortOrder.trim().equalsIgnoreCase("asc"));
  }

  SessionPage sessionPage() {
    return new SessionPage(
        page == null ? 1 : page, pageSize == null ? SessionPage.DEFAULT_SIZE : pageSize);
  }

  /** A phone number in E.164, or null when not sent. */
  static String phone(String name, String raw, String region) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    // why: an unencoded "+" in a query string arrives as a space; put it back.
    String input = raw.startsWith(" ") ? "+" + raw.trim() : raw.trim();
    return E164.normalize(input, region)
        .orElseThrow(() -> new InvalidRequestException(name, "is not a valid phone number"));
  }

  private List<String> statuses() {
    List<String> statuses = new ArrayList<>();
    if (status == null || status.isBlank()) {
      return statuses;
    }
    for (String part : status.split(",")) {
      String one = part.trim().toLowerCase(Locale.ROOT);
      if (!STATUSES.contains(one)) {
        throw new InvalidRequestException("status", "must be one of " + STATUSES);
      }
      statuses.add(one);
    }
    return statuses;
  }

  /**
   * An ISO-8601 instant, date-time with offset, UTC local date-time, or date (its UTC midnight).
   */
  private static Instant instant(String name, String sent) {
    if (sent == null || sent.isBlank()) {
      return null;
    }
    // why: an unencoded "+" of an offset arrives as a space; put it back.
    String value = sent.trim().replace(' ', '+');
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (value.endsWith("Z") || value.endsWith("z")) {
        return Instant.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(value).toInstant();
      }
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(name, "must be an ISO-8601 date-time or date");
    }
  }
}
