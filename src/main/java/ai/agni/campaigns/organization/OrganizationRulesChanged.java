package ai.agni.campaigns.organization;

import java.util.UUID;

/**
 * An organization's calling hours or frequency caps changed, published inside the transaction that
 * changed them: its running campaigns may be dialable earlier than they last planned.
 */
public record OrganizationRulesChanged(UUID organizationId) {}
