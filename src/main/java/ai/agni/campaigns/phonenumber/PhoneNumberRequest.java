package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.platform.HttpUrls;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST /phone-numbers}: a number the organization already owns. Settings of
 * other providers than the chosen one are ignored, so a number never carries stale credentials.
 */
@Schema(name = "PhoneNumberRequest")
record PhoneNumberRequest(
    @Schema(
            description = "Any form libphonenumber reads; stored as E.164.",
            example = "+14155550100")
        @NotBlank(message = "is required")
        String phoneNumber,
    @Size(max = 500, message = MAX) String friendlyName,
    @Schema(
            allowableValues = {"simulated", "sip", "http"},
            description = "How its calls are placed; default from configuration.")
        String provider,
    @Schema(description = "Simultaneous calls on this number; null: only the organization's cap.")
        @Min(value = 1, message = "must be between 1 and 10000")
        @Max(value = 10_000, message = "must be between 1 and 10000")
        Integer maxConcurrent,
    @Schema(description = "Calls per second; may be fractional; null: only the organization's cap.")
        @DecimalMin(value = "0.1", message = "must be between 0.1 and 1000")
        @DecimalMax(value = "1000", message = "must be between 0.1 and 1000")
        Double maxCps,
    @Schema(
            description = "provider sip: the trunk or SBC.",
            example = "sip:127.0.0.1:5060;transport=udp")
        @Size(max = 1000, message = "must be a sip: or sips: URI")
        String sipTrunkUri,
    @Schema(description = "provider sip: digest user name.") @Size(max = 500, message = MAX)
        String sipUsername,
    @Schema(description = "provider sip: digest password; write-only.", writeOnly = true)
        @Size(max = 500, message = MAX)
        String sipPassword,
    @Schema(description = "provider http: where call offers are posted.")
        @Size(max = 2000, message = MAX)
        String runtimeUrl,
    @Schema(description = "provider http: the signing secret; write-only.", writeOnly = true)
        @Size(max = 500, message = MAX)
        String runtimeSecret,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {

  static final String MAX = "must be at most {max} characters";
  static final List<String> PROVIDERS = List.of("simulated", "sip", "http");

  /** The settings, checked; those of other providers than the chosen one are dropped. */
  PhoneNumberImport parse(String defaultRegion, String defaultProvider) {
    String e164 = e164(defaultRegion);
    String chosen = provider(defaultProvider);
    boolean sip = chosen.equals("sip");
    boolean http = chosen.equals("http");
    return new PhoneNumberImport(
        e164,
        friendlyName,
        chosen,
        maxConcurrent,
        maxCps,
        sip ? trunkUri() : null,
        sip ? sipUsername : null,
        sip ? sipPassword : null,
        http ? checkedRuntimeUrl() : null,
        http ? runtimeSecret : null);
  }

  private String e164(String defaultRegion) {
    return E164.normalize(phoneNumber.trim(), defaultRegion)
        .orElseThrow(() -> sent.invalid("phoneNumber", "is not a valid phone number"));
  }

  private String provider(String defaultProvider) {
    if (provider == null) {
      return defaultProvider.toLowerCase(Locale.ROOT);
    }
    for (String candidate : PROVIDERS) {
      if (candidate.equalsIgnoreCase(provider.trim())) {
        return candidate;
      }
    }
    throw sent.invalid("provider", "must be one of " + String.join(", ", PROVIDERS));
  }

  private String trunkUri() {
    if (sipTrunkUri == null || sipTrunkUri.isBlank()) {
      throw sent.invalid("sipTrunkUri", "is required for provider sip");
    }
    String uri = sipTrunkUri.trim();
    String lower = uri.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("sip:") || lower.startsWith("sips:"))) {
      throw sent.invalid("sipTrunkUri", "must be a sip: or sips: URI");
    }
    if (HttpUrls.hasSipPassword(uri)) {
      throw sent.invalid(
          "sipTrunkUri", "must not contain a password; use sip_username and sip_password");
    }
    return uri;
  }

  private String checkedRuntimeUrl() {
    if (runtimeUrl == null || runtimeUrl.isBlank()) {
      throw sent.invalid("runtimeUrl", "is required for provider http");
    }
    String url = runtimeUrl.trim();
    if (HttpUrls.hasUserInfo(url)) {
      throw sent.invalid("runtimeUrl", "must not contain credentials; use runtime_secret");
    }
    if (!HttpUrls.isAbsoluteHttp(url)) {
      throw sent.invalid("runtimeUrl", "must be an absolute http(s) URL");
    }
    return url;
  }
}
