package ai.agni.campaigns.webhook;

import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.organization.Organization;
import ai.agni.campaigns.platform.SecretCipher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The organization's webhook secret (docs/api.md §8): opened only to show it to its owner or to
 * sign; rotated to a new random one, the replaced one signing too for {@link #OVERLAP}.
 */
@Component
class WebhookSecrets {

  /** How long after a rotation the replaced secret still signs (the second {@code v1=}). */
  static final Duration OVERLAP = Duration.ofHours(24);

  private final WebhookSecretRepository secrets;
  private final SecretCipher cipher;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  WebhookSecrets(WebhookSecretRepository secrets, SecretCipher cipher, Clock clock) {
    this.secrets = secrets;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** The current secret in plain text. */
  String current(UUID organizationId) {
    return open(stored(organizationId).current());
  }

  /**
   * A new random secret (64 hex characters, as at creation); the current one keeps signing beside
   * it for 24 h. A second rotation within that time drops the oldest.
   */
  String rotate(UUID organizationId) {
    for (int tries = 0; tries < 3; tries++) {
      WebhookSecretRepository.Stored now = stored(organizationId);
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      String next = HexFormat.of().formatHex(bytes);
      if (secrets.rotate(
          organizationId,
          now.current(),
          cipher.seal(next, Organization.WEBHOOK_SECRET),
          clock.instant())) {
        return next;
      }
    }
    throw new ConflictException("The webhook secret is being rotated concurrently; retry");
  }

  /** The secrets that sign now, new first: the current one, and the replaced one for 24 h. */
  List<String> signing(UUID organizationId, Instant now) {
    WebhookSecretRepository.Stored s = stored(organizationId);
    List<String> out = new ArrayList<>(2);
    out.add(open(s.current()));
    if (s.previous() != null
        && s.rotatedAt() != null
        && now.isBefore(s.rotatedAt().plus(OVERLAP))) {
      out.add(open(s.previous()));
    }
    return out;
  }

  private WebhookSecretRepository.Stored stored(UUID organizationId) {
    return secrets
        .find(organizationId)
        .orElseThrow(() -> new IllegalStateException("no organization " + organizationId));
  }

  private String open(String sealed) {
    return cipher.open(sealed, Organization.WEBHOOK_SECRET);
  }
}
