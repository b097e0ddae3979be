package ai.agni.campaigns.webhook;

import java.util.UUID;

/**
 * A campaign contact that reached a final state, for its {@code contact.finished} event.
 *
 * @param phone the contact's number, or null to read it from the contact
 * @param status successful, no_answer or failed
 * @param attempts attempts used
 */
public record FinishedContact(
    UUID organizationId,
    UUID campaignId,
    UUID contactId,
    String phone,
    String status,
    int attempts,
    String lastOutcome,
    String lastReason) {}
