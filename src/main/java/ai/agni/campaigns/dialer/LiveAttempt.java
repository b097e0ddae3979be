package ai.agni.campaigns.dialer;

import java.util.UUID;

/**
 * One live attempt, as its end needs it: the session, its attempt number, its origin and the number
 * it went out on, with that number's provider (null when the number is gone).
 */
record LiveAttempt(
    UUID sessionId,
    UUID organizationId,
    int attempt,
    AttemptOrigin origin,
    UUID lineId,
    String provider) {}
