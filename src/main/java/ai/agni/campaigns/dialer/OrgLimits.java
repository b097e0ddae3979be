package ai.agni.campaigns.dialer;

import ai.agni.campaigns.campaign.schedule.FrequencyCap;
import java.util.List;
import java.util.UUID;

/**
 * An organization's shared caps: live calls at once and calls per second, over all its work, and
 * its frequency caps per callee number (docs/api.md §12).
 */
record OrgLimits(
    UUID organizationId, int maxConcurrent, double maxCps, List<FrequencyCap> frequencyCaps) {

  OrgLimits(UUID organizationId, int maxConcurrent, double maxCps) {
    this(organizationId, maxConcurrent, maxCps, List.of());
  }
}
