package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.platform.Times;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** A phone number as the API shows it (snake_case); credentials are never part of it. */
record PhoneNumberView(
    UUID id,
    @JsonProperty("phone_number") String phoneNumber,
    @JsonProperty("friendly_name") String friendlyName,
    String provider,
    String status,
    @JsonProperty("max_concurrent") Integer maxConcurrent,
    @JsonProperty("max_cps") Double maxCps,
    @JsonProperty("sip_trunk_uri") String sipTrunkUri,
    @JsonProperty("runtime_url") String runtimeUrl,
    @JsonProperty("created_at") String createdAt) {

  static PhoneNumberView of(PhoneNumber number) {
    return new PhoneNumberView(
        number.id(),
        number.phoneNumber(),
        number.friendlyName(),
        number.provider(),
        number.status(),
        number.maxConcurrent(),
        number.maxCps(),
        number.sipTrunkUri(),
        number.runtimeUrl(),
        Times.iso(number.createdAt()));
  }
}
