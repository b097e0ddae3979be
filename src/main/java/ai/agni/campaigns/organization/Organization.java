package ai.agni.campaigns.organization;

import java.time.Instant;
import java.util.UUID;

/** A tenant: owns every other resource and caps its outbound calls. */
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
}
