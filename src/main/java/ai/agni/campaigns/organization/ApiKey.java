package ai.agni.campaigns.organization;

import java.time.Instant;
import java.util.UUID;

/** A stored API key: its hash and a display prefix, never the key itself. */
record ApiKey(
    UUID id,
    UUID organizationId,
    String name,
    String prefix,
    String keyHash,
    Instant createdAt,
    Instant revokedAt) {}
