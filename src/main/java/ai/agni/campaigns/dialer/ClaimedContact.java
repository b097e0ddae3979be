package ai.agni.campaigns.dialer;

import java.util.Map;
import java.util.UUID;

/** A campaign contact just moved to {@code in_progress} by a claim. */
record ClaimedContact(
    UUID contactId, int attempt, long version, String phone, Map<String, String> variables) {}
