package ai.agni.campaigns.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** A stored contact. {@code phone} is E.164 and unique within the organization. */
public record Contact(
    UUID id,
    UUID organizationId,
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String timezone,
    ObjectNode metadata,
    List<String> tags,
    String notes,
    Instant createdAt,
    Instant updatedAt) {}
