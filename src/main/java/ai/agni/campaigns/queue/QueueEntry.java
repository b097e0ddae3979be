package ai.agni.campaigns.queue;

import java.time.Instant;
import java.util.UUID;

/** One contact of a campaign's queue with the contact's own fields, for the campaign API. */
public record QueueEntry(
    UUID contactId,
    String firstName,
    String lastName,
    String email,
    String phone,
    QueueState state,
    int attempts,
    String lastOutcome,
    Instant nextAttemptAt,
    Integer lastDurationSec,
    Instant updatedAt) {}
