package ai.agni.campaigns.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The checked filters of the deliveries list; null means not filtered. */
record DeliveryFilter(String status, String event, UUID campaignId) {

  /** The WHERE clause over {@code webhook_deliveries d}, organization first. */
  String where() {
    StringBuilder where = new StringBuilder("d.organization_id = ?");
    if (status != null) {
      where.append(" AND d.status = ?");
    }
    if (event != null) {
      where.append(" AND d.event = ?");
    }
    if (campaignId != null) {
      where.append(" AND d.campaign_id = ?");
    }
    return where.toString();
  }

  /** The parameters of {@link #where}, in order. */
  List<Object> params(UUID organizationId) {
    List<Object> params = new ArrayList<>(List.of(organizationId));
    if (status != null) {
      params.add(status);
    }
    if (event != null) {
      params.add(event);
    }
    if (campaignId != null) {
      params.add(campaignId);
    }
    return params;
  }
}
