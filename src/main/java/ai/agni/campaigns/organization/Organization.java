package ai.agni.campaigns.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant: owns every other resource and caps its outbound calls.
 *
 * @param webhookSecret the secret that signs its webhooks, sealed: open it with {@link
 *     ai.agni.campaigns.platform.SecretCipher} for {@link #WEBHOOK_SECRET} where it signs
 */
public record Organization(
    UUID id,
    String name,
    String defaultRegion,
    int outboundMaxConcurrent,
    double outboundMaxCps,
    String webhookSecret,
    Instant createdAt) {

  public static final int DEFAULT_MAX_CONCURRENT = 100;
  public static final double DEFAULT_MAX_CPS = 10;

  /** The purpose (associated data) of {@code organizations.webhook_secret}. */
  public static final String WEBHOOK_SECRET = "organizations.webhook_secret";
}
