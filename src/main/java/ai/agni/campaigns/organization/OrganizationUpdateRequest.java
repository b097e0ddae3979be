package ai.agni.campaigns.organization;

import ai.agni.campaigns.api.RejectUnknownFields;
import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.campaign.schedule.ClockTime;
import ai.agni.campaigns.campaign.schedule.FrequencyCap;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PATCH /organization}: the caller's own organization. Only the fields sent
 * change; {@code calling_hours: null} removes the calling hours and {@code frequency_caps: []} the
 * caps. Unknown fields are refused, because a mistyped guard must not be dropped silently. The
 * outbound caps are declared only to refuse them with a clear message: they change through the
 * admin API. {@code id} and {@code created_at} are set by the service; sent, they are ignored (as
 * on agents).
 */
@RejectUnknownFields
@Schema(
    name = "OrganizationUpdateRequest",
    description =
        "A partial update of the caller's organization: only the fields sent change. Unknown"
            + " fields are refused; outbound_max_concurrent and outbound_max_cps change only"
            + " through the admin API.")
record OrganizationUpdateRequest(
    @Schema(hidden = true) JsonNode id,
    @Schema(description = "At most 200 characters, trimmed; not blank.", example = "Acme Health")
        @Size(
            max = CreateOrganizationRequest.MAX_NAME,
            message = "must be at most {max} characters")
        String name,
    @Schema(
            description = "ISO 3166 region for reading local phone numbers; null resets it to US.",
            example = "US")
        String defaultRegion,
    @Schema(hidden = true) JsonNode outboundMaxConcurrent,
    @Schema(hidden = true) JsonNode outboundMaxCps,
    @Schema(
            description =
                "A guard on every campaign's window, judged in the callee's local time. Null"
                    + " removes it.")
        @Valid
        CallingHoursRequest callingHours,
    @ArraySchema(
            arraySchema =
                @Schema(
                    description =
                        "Dial attempts to one callee number, counted across all campaigns and"
                            + " single calls; [] removes them."),
            maxItems = OrganizationRules.MAX_FREQUENCY_CAPS)
        @Size(max = OrganizationRules.MAX_FREQUENCY_CAPS, message = "must have at most {max} caps")
        List<@Valid FrequencyCapRequest> frequencyCaps,
    @Schema(hidden = true) JsonNode createdAt,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {

  static final String ADMIN_ONLY =
      "changes only through the admin API (/api/v1/admin/...), not with an API key";
  static final String CALLS_RANGE = "must be between 1 and " + FrequencyCap.MAX_CALLS;
  static final String HOURS_RANGE = "must be between 1 and " + FrequencyCap.MAX_HOURS;

  /** {@code calling_hours}: both ends required, {@code HH:mm}, different. */
  @RejectUnknownFields
  @Schema(
      name = "CallingHoursRequest",
      description = "Local HH:mm (24 h); start after end is an overnight guard.")
  record CallingHoursRequest(
      @Schema(example = "08:00", requiredMode = Schema.RequiredMode.REQUIRED)
          @NotNull(message = "is required")
          @Pattern(regexp = ClockTime.HH_MM, message = ClockTime.MESSAGE)
          String start,
      @Schema(example = "21:00", requiredMode = Schema.RequiredMode.REQUIRED)
          @NotNull(message = "is required")
          @Pattern(regexp = ClockTime.HH_MM, message = ClockTime.MESSAGE)
          String end) {}

  /** One item of {@code frequency_caps}. */
  @RejectUnknownFields
  @Schema(
      name = "FrequencyCapRequest",
      description = "At most max_calls dial attempts to one number in any per_hours hours.")
  record FrequencyCapRequest(
      @Schema(
              example = "2",
              minimum = "1",
              maximum = "10000",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @NotNull(message = "is required")
          @Min(value = 1, message = CALLS_RANGE)
          @Max(value = FrequencyCap.MAX_CALLS, message = CALLS_RANGE)
          Integer maxCalls,
      @Schema(
              example = "24",
              minimum = "1",
              maximum = "8760",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @NotNull(message = "is required")
          @Min(value = 1, message = HOURS_RANGE)
          @Max(value = FrequencyCap.MAX_HOURS, message = HOURS_RANGE)
          Integer perHours) {}

  /** What the organization becomes: only the fields sent change. */
  Changes applyTo(Organization current, OrganizationRules rules) {
    for (String adminOnly : List.of("outboundMaxConcurrent", "outboundMaxCps")) {
      if (sent.has(adminOnly)) {
        throw sent.invalid(adminOnly, ADMIN_ONLY);
      }
    }
    String newName = current.name();
    if (sent.has("name")) {
      if (name == null || name.isBlank()) {
        throw sent.invalid("name", "is required");
      }
      newName = name.trim();
    }
    String region =
        sent.has("defaultRegion")
            ? CreateOrganizationRequest.region(sent, defaultRegion)
            : current.defaultRegion();
    OrganizationRules.CallingHours hours =
        sent.has("callingHours") ? hours() : rules.callingHours();
    List<FrequencyCap> caps = sent.has("frequencyCaps") ? caps() : rules.frequencyCaps();
    return new Changes(newName, region, new OrganizationRules(hours, caps));
  }

  private OrganizationRules.CallingHours hours() {
    if (callingHours == null) {
      return null;
    }
    LocalTime start = LocalTime.parse(callingHours.start());
    LocalTime end = LocalTime.parse(callingHours.end());
    if (start.equals(end)) {
      throw sent.invalid("callingHours.end", "start and end must differ");
    }
    return new OrganizationRules.CallingHours(start, end);
  }

  private List<FrequencyCap> caps() {
    if (frequencyCaps == null) {
      return List.of();
    }
    return frequencyCaps.stream()
        .map(cap -> new FrequencyCap(cap.maxCalls(), cap.perHours()))
        .toList();
  }

  /** The organization's name, region and rules after the patch. */
  record Changes(String name, String defaultRegion, OrganizationRules rules) {}
}
