package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.api.JsonBody;
import ai.agni.campaigns.platform.HttpUrls;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A validated import request. Settings of other providers than the chosen one are ignored, so a
 * number never carries stale credentials.
 */
record PhoneNumberInput(
    String phoneNumber,
    String friendlyName,
    String provider,
    Integer maxConcurrent,
    Double maxCps,
    String sipTrunkUri,
    String sipUsername,
    String sipPassword,
    String runtimeUrl,
    String runtimeSecret) {

  static final List<String> PROVIDERS = List.of("simulated", "sip", "http");

  static PhoneNumberInput read(JsonBody body, String defaultRegion, String defaultProvider) {
    String number = body.requiredString("phoneNumber");
    String e164 =
        E164.normalize(number, defaultRegion)
            .orElseThrow(() -> body.invalid("phoneNumber", "is not a valid phone number"));
    String provider = body.oneOf("provider", PROVIDERS);
    if (provider == null) {
      provider = defaultProvider.toLowerCase(Locale.ROOT);
    }
    Double maxCps = body.number("maxCps");
    if (maxCps != null && (maxCps < 0.1 || maxCps > 1000)) {
      throw body.invalid("maxCps", "must be between 0.1 and 1000");
    }
    boolean sip = provider.equals("sip");
    boolean http = provider.equals("http");
    return new PhoneNumberInput(
        e164,
        text(body, "friendlyName", 500),
        provider,
        body.integer("maxConcurrent", 1, 10_000),
        maxCps,
        sip ? sipTrunkUri(body) : null,
        sip ? text(body, "sipUsername", 500) : null,
        sip ? text(body, "sipPassword", 500) : null,
        http ? runtimeUrl(body) : null,
        http ? text(body, "runtimeSecret", 500) : null);
  }

  /** A number with these settings; {@code id} and {@code createdAt} survive a re-import. */
  PhoneNumber toNumber(UUID organizationId, UUID id, Instant createdAt, Instant now) {
    return new PhoneNumber(
        id,
        organizationId,
        phoneNumber,
        friendlyName,
        provider,
        PhoneNumber.ACTIVE,
        maxConcurrent,
        maxCps,
        sipTrunkUri,
        sipUsername,
        sipPassword,
        runtimeUrl,
        runtimeSecret,
        createdAt,
        now);
  }

  private static String sipTrunkUri(JsonBody body) {
    if (body.raw("sipTrunkUri") == null) {
      throw body.invalid("sipTrunkUri", "is required for provider sip");
    }
    String uri = body.requiredString("sipTrunkUri");
    String lower = uri.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("sip:") || lower.startsWith("sips:")) || uri.length() > 1000) {
      throw body.invalid("sipTrunkUri", "must be a sip: or sips: URI");
    }
    if (HttpUrls.hasSipPassword(uri)) {
      throw body.invalid(
          "sipTrunkUri", "must not contain a password; use sip_username and sip_password");
    }
    return uri;
  }

  private static String runtimeUrl(JsonBody body) {
    if (body.raw("runtimeUrl") == null) {
      throw body.invalid("runtimeUrl", "is required for provider http");
    }
    String url = body.requiredString("runtimeUrl");
    if (HttpUrls.hasUserInfo(url)) {
      throw body.invalid("runtimeUrl", "must not contain credentials; use runtime_secret");
    }
    if (!HttpUrls.isAbsoluteHttp(url)) {
      throw body.invalid("runtimeUrl", "must be an absolute http(s) URL");
    }
    return url;
  }

  private static String text(JsonBody body, String field, int maxLength) {
    String value = body.string(field);
    if (value != null && value.length() > maxLength) {
      throw body.invalid(field, "must be at most " + maxLength + " characters");
    }
    return value;
  }
}
