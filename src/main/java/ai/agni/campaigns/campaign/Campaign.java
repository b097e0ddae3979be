package ai.agni.campaigns.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code campaigns}; {@code version} guards every write.
 *
 * @param pausedReason why the engine paused it ({@code trunk_auth_failed}), null when the user did
 */
record Campaign(
    UUID id,
    UUID organizationId,
    String name,
    UUID agentId,
    UUID phoneNumberId,
    String fromPhoneNumber,
    CampaignStatus status,
    Schedule schedule,
    Integer outboundMaxConcurrent,
    Double outboundMaxCps,
    Instant startedAt,
    Instant completedAt,
    Instant createdAt,
    Instant updatedAt,
    long version,
    String pausedReason) {

  /** A campaign as the user writes it: a paused reason is only ever set by the engine. */
  Campaign(
      UUID id,
      UUID organizationId,
      String name,
      UUID agentId,
      UUID phoneNumberId,
      String fromPhoneNumber,
      CampaignStatus status,
      Schedule schedule,
      Integer outboundMaxConcurrent,
      Double outboundMaxCps,
      Instant startedAt,
      Instant completedAt,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this(
        id,
        organizationId,
        name,
        agentId,
        phoneNumberId,
        fromPhoneNumber,
        status,
        schedule,
        outboundMaxConcurrent,
        outboundMaxCps,
        startedAt,
        completedAt,
        createdAt,
        updatedAt,
        version,
        null);
  }

  /** Whether anything a user can see differs, ignoring timestamps and version. */
  boolean sameContentAs(Campaign other) {
    return name.equals(other.name)
        && agentId.equals(other.agentId)
        && phoneNumberId.equals(other.phoneNumberId)
        && fromPhoneNumber.equals(other.fromPhoneNumber)
        && status == other.status
        && schedule.equals(other.schedule)
        && java.util.Objects.equals(outboundMaxConcurrent, other.outboundMaxConcurrent)
        && java.util.Objects.equals(outboundMaxCps, other.outboundMaxCps);
  }

  boolean sameRoutingAs(Campaign other) {
    return agentId.equals(other.agentId)
        && phoneNumberId.equals(other.phoneNumberId)
        && fromPhoneNumber.equals(other.fromPhoneNumber);
  }
}
