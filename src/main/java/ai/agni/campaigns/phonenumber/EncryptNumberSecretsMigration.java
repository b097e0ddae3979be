package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.platform.SealColumnsMigration;
import ai.agni.campaigns.platform.SecretCipher;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Flyway version 92 (after the SQL migrations up to V91): widens {@code sip_password} and {@code
 * runtime_secret} to hold the sealed form and seals every value stored before, in plaintext (see
 * {@link NumberSecrets}).
 */
@Component
public class EncryptNumberSecretsMigration extends SealColumnsMigration {

  public static final String VERSION = "92";

  /** Room for the sealed form of a 500-character secret (at most 2,043 characters) and more. */
  private static final int COLUMN_LENGTH = 4000;

  public EncryptNumberSecretsMigration(SecretCipher cipher) {
    super(
        cipher,
        VERSION,
        "encrypt phone number secrets",
        "phone_numbers",
        COLUMN_LENGTH,
        List.of(
            new SealedColumn("sip_password", NumberSecrets.SIP_PASSWORD),
            new SealedColumn("runtime_secret", NumberSecrets.RUNTIME_SECRET)));
  }
}
