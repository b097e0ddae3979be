package ai.agni.campaigns.organization;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.phonenumber.E164;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** The body of {@code POST /admin/organizations} (snake_case like organizations). */
@Schema(name = "CreateOrganizationRequest")
record CreateOrganizationRequest(
    @NotBlank(message = "is required")
        @Size(max = MAX_NAME, message = "must be at most {max} characters")
        String name,
    @Schema(description = "ISO 3166 region for reading local phone numbers; default US.")
        String defaultRegion,
    @Schema(description = "Default 100.")
        @Min(value = 1, message = "must be between 1 and 100000")
        @Max(value = 100_000, message = "must be between 1 and 100000")
        Integer outboundMaxConcurrent,
    @Schema(description = "Default 10; may be fractional.")
        @DecimalMin(value = "0.1", message = "must be between 0.1 and 10000")
        @DecimalMax(value = "10000", message = "must be between 0.1 and 10000")
        Double outboundMaxCps,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {

  /** The {@code organizations.name} column's width. */
  static final int MAX_NAME = 200;

  String region() {
    return region(sent, defaultRegion);
  }

  /** A region as sent (trimmed, any case), or US for null; a 400 naming the field otherwise. */
  static String region(SentFields sent, String defaultRegion) {
    String region = defaultRegion == null ? "US" : defaultRegion.trim().toUpperCase(Locale.ROOT);
    if (!E164.isKnownRegion(region)) {
      throw sent.invalid("defaultRegion", "must be an ISO 3166 region code like US");
    }
    return region;
  }

  int maxConcurrent() {
    return outboundMaxConcurrent == null
        ? Organization.DEFAULT_MAX_CONCURRENT
        : outboundMaxConcurrent;
  }

  double maxCps() {
    return outboundMaxCps == null ? Organization.DEFAULT_MAX_CPS : outboundMaxCps;
  }
}
