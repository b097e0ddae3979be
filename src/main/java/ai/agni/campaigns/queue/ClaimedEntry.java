package ai.agni.campaigns.queue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A campaign contact just moved to {@code in_progress} by a claim.
 *
 * @param attempt the attempt number this claim starts (1-based)
 * @param version the queue row's version after the claim; it guards every later write
 * @param variables the contact's fields handed to the agent
 * @param dueSince since when the contact was due by its own row: its retry time, or when it was
 *     added for a first attempt (the window and the campaign's activation may make it later)
 * @param zoneKey the contact's time zones as stored in its queue row (see CalleeZones)
 */
public record ClaimedEntry(
    UUID contactId,
    int attempt,
    long version,
    String phone,
    Map<String, String> variables,
    Instant dueSince,
    String zoneKey) {}
