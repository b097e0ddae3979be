package ai.agni.campaigns.phonenumber;

import java.time.Instant;
import java.util.UUID;

/**
 * A caller ID of the organization and how to dial from it. {@code provider} is {@code simulated},
 * {@code sip} or {@code http}; the sip and runtime fields are set only for their provider. The
 * password and secret are for the telephony adapters only and never leave the service; as stored
 * (and read) they are sealed, see {@link NumberSecrets}.
 */
public record PhoneNumber(
    UUID id,
    UUID organizationId,
    String phoneNumber,
    String friendlyName,
    String provider,
    String status,
    Integer maxConcurrent,
    Double maxCps,
    String sipTrunkUri,
    String sipUsername,
    String sipPassword,
    String runtimeUrl,
    String runtimeSecret,
    Instant createdAt,
    Instant updatedAt) {

  public static final String ACTIVE = "active";
  public static final String RELEASED = "released";

  public boolean isActive() {
    return ACTIVE.equals(status);
  }

  @Override
  public String toString() {
    // why: keep credentials out of logs and exception messages.
    return "PhoneNumber[id="
        + id
        + ", phoneNumber="
        + phoneNumber
        + ", provider="
        + provider
        + ", status="
        + status
        + "]";
  }
}
