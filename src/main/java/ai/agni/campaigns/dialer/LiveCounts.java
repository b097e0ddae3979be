package ai.agni.campaigns.dialer;

import java.util.Map;
import java.util.UUID;

/**
 * Live calls of one organization (queued once claimed, ringing, in progress), counted from the
 * {@code calls} rows so that every node sees the same numbers.
 */
record LiveCounts(int organization, Map<UUID, Integer> byLine, Map<UUID, Integer> byCampaign) {

  int ofCampaign(UUID campaignId) {
    return byCampaign.getOrDefault(campaignId, 0);
  }
}
