package ai.agni.campaigns.api;

import java.util.UUID;

/**
 * The authenticated organization of the current request. Every repository call takes its id, so one
 * organization can never see another's rows.
 */
public record Tenant(UUID organizationId, String defaultRegion) {

  /** Request attribute under which the authentication filter stores the tenant. */
  public static final String ATTRIBUTE = Tenant.class.getName();
}
