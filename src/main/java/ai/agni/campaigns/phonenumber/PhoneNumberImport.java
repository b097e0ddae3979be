package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.platform.SecretCipher;
import java.time.Instant;
import java.util.UUID;

/** A checked import: the number in E.164 and the settings of its provider only. */
record PhoneNumberImport(
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

  /**
   * The number as stored, its password and secret sealed with {@code cipher}; {@code id} and {@code
   * createdAt} survive a re-import.
   */
  PhoneNumber toNumber(
      UUID organizationId, UUID id, Instant createdAt, Instant now, SecretCipher cipher) {
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
        cipher.seal(sipPassword, NumberSecrets.SIP_PASSWORD),
        runtimeUrl,
        cipher.seal(runtimeSecret, NumberSecrets.RUNTIME_SECRET),
        createdAt,
        now);
  }
}
