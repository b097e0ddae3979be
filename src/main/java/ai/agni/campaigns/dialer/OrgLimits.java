package ai.agni.campaigns.dialer;

import java.util.UUID;

/** An organization's shared caps: live calls at once and calls per second, over all its work. */
record OrgLimits(UUID organizationId, int maxConcurrent, double maxCps) {}
