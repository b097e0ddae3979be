package ai.agni.campaigns.organization;

import ai.agni.campaigns.platform.Times;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** An organization as the API shows it (snake_case; the webhook secret is never shown). */
@Schema(name = "Organization", description = "An organization (snake_case).")
record OrganizationView(
    @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e") UUID id,
    @Schema(example = "Acme Health") String name,
    @Schema(example = "US", description = "ISO 3166 region for reading local phone numbers.")
        @JsonProperty("default_region")
        String defaultRegion,
    @Schema(example = "100", description = "Simultaneous outbound calls; set by the admin API.")
        @JsonProperty("outbound_max_concurrent")
        int outboundMaxConcurrent,
    @Schema(example = "10", description = "Outbound calls per second; set by the admin API.")
        @JsonProperty("outbound_max_cps")
        double outboundMaxCps,
    @Schema(
            description =
                "Calls only within these local hours of the callee, on top of every campaign's"
                    + " window; null: none.")
        @JsonProperty("calling_hours")
        CallingHoursView callingHours,
    @ArraySchema(
            arraySchema =
                @Schema(
                    description =
                        "Dial attempts to one callee number across all campaigns and single"
                            + " calls; [] when none."))
        @JsonProperty("frequency_caps")
        List<FrequencyCapView> frequencyCaps,
    @Schema(example = "2026-03-20T10:30:00Z") @JsonProperty("created_at") String createdAt) {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  static OrganizationView of(Organization org, OrganizationRules rules) {
    OrganizationRules.CallingHours hours = rules.callingHours();
    return new OrganizationView(
        org.id(),
        org.name(),
        org.defaultRegion(),
        org.outboundMaxConcurrent(),
        org.outboundMaxCps(),
        hours == null
            ? null
            : new CallingHoursView(HH_MM.format(hours.start()), HH_MM.format(hours.end())),
        rules.frequencyCaps().stream()
            .map(cap -> new FrequencyCapView(cap.maxCalls(), cap.perHours()))
            .toList(),
        Times.iso(org.createdAt()));
  }

  /** The organization's calling hours, local {@code HH:mm}. */
  @Schema(name = "OrganizationCallingHours")
  record CallingHoursView(
      @Schema(example = "08:00") String start, @Schema(example = "21:00") String end) {}

  /** One frequency cap. */
  @Schema(name = "OrganizationFrequencyCap")
  record FrequencyCapView(
      @Schema(example = "2") @JsonProperty("max_calls") int maxCalls,
      @Schema(example = "24") @JsonProperty("per_hours") int perHours) {}
}
