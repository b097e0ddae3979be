package ai.agni.campaigns.calling;

import java.util.UUID;

/** Published once a single call's request has committed: the engine may dial it now. */
public record SingleCallQueued(UUID organizationId, UUID sessionId) {}
