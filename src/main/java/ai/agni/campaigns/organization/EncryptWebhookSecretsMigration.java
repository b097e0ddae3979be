package ai.agni.campaigns.organization;

import ai.agni.campaigns.platform.SealColumnsMigration;
import ai.agni.campaigns.platform.SecretCipher;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Flyway version 93: widens {@code organizations.webhook_secret} to hold the sealed form and seals
 * every secret stored before, in plaintext, for {@link Organization#WEBHOOK_SECRET}.
 */
@Component
public class EncryptWebhookSecretsMigration extends SealColumnsMigration {

  public static final String VERSION = "93";

  /** Room for the sealed form of the 64-character secret (128 characters) and more. */
  private static final int COLUMN_LENGTH = 1000;

  public EncryptWebhookSecretsMigration(SecretCipher cipher) {
    super(
        cipher,
        VERSION,
        "encrypt webhook secrets",
        "organizations",
        COLUMN_LENGTH,
        List.of(new SealedColumn("webhook_secret", Organization.WEBHOOK_SECRET)));
  }
}
