package ai.agni.campaigns.organization;

import ai.agni.campaigns.platform.Times;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** An organization as the API shows it (snake_case; the webhook secret is never shown). */
record OrganizationView(
    UUID id,
    String name,
    @JsonProperty("default_region") String defaultRegion,
    @JsonProperty("outbound_max_concurrent") int outboundMaxConcurrent,
    @JsonProperty("outbound_max_cps") double outboundMaxCps,
    @JsonProperty("created_at") String createdAt) {

  static OrganizationView of(Organization org) {
    return new OrganizationView(
        org.id(),
        org.name(),
        org.defaultRegion(),
        org.outboundMaxConcurrent(),
        org.outboundMaxCps(),
        Times.iso(org.createdAt()));
  }
}
