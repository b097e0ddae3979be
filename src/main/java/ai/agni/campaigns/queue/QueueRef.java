package ai.agni.campaigns.queue;

import java.util.UUID;

/** A claimed contact's queue row at the version its claim left it (the guard of later writes). */
public record QueueRef(UUID contactId, long version) {}
