package ai.agni.campaigns.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * One contact of a campaign's queue with the contact's own fields, for the campaign API.
 *
 * @param lastReason the reason of the last outcome, or why the contact was finished without a call
 *     ({@code dnc}); kept while a later attempt is live
 * @param zoneKey the contact's time zones (see CalleeZones), "" when none is known
 * @param waitReason why the engine moved the pending contact to {@code nextAttemptAt} (a rule such
 *     as {@code frequency_cap}), or null when that is its retry gap
 */
public record QueueEntry(
    UUID contactId,
    String firstName,
    String lastName,
    String email,
    String phone,
    QueueState state,
    int attempts,
    String lastOutcome,
    String lastReason,
    Instant nextAttemptAt,
    Integer lastDurationSec,
    Instant updatedAt,
    String zoneKey,
    String waitReason) {}
