/**
 * Voice agents: the settings a call is placed with (ring and call duration limits, webhook URLs,
 * prompt) plus every other documented agent field, stored and returned as given. Other features
 * read agents through {@link ai.agni.campaigns.agent.AgentRepository#find}. Lists are in creation
 * order (oldest first), so paging with offset is stable while agents are added.
 */
package ai.agni.campaigns.agent;
