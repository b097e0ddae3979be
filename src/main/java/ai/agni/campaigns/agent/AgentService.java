package ai.agni.campaigns.agent;

import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.platform.Ids;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agent use cases, each in one transaction. */
@Service
class AgentService {

  private final AgentRepository agents;
  private final Clock clock;

  AgentService(AgentRepository agents, Clock clock) {
    this.agents = agents;
    this.clock = clock;
  }

  @Transactional
  Agent create(UUID organizationId, AgentRequest input) {
    Agent agent = input.create(organizationId, Ids.newId(), clock.instant());
    agents.insert(agent);
    return agent;
  }

  @Transactional(readOnly = true)
  Agent get(UUID organizationId, String id) {
    return find(organizationId, id, false);
  }

  @Transactional
  Agent update(UUID organizationId, String id, AgentRequest input) {
    Agent updated = input.applyTo(find(organizationId, id, true), clock.instant());
    agents.update(updated);
    return updated;
  }

  @Transactional
  Agent changeStatus(UUID organizationId, String id, AgentStatus status) {
    Agent current = find(organizationId, id, true);
    Agent updated =
        new Agent(
            current.id(),
            current.organizationId(),
            current.name(),
            current.agentName(),
            status,
            current.ringDurationMs(),
            current.maxCallDurationMs(),
            current.enableVoicemailDetection(),
            current.webhookUrls(),
            current.prompt(),
            current.beginMessage(),
            current.sipUri(),
            current.extra(),
            current.createdAt(),
            clock.instant());
    agents.update(updated);
    return updated;
  }

  /** Deletes the agent unless an active campaign dials with it. */
  @Transactional
  Agent delete(UUID organizationId, String id) {
    Agent agent = find(organizationId, id, true);
    if (agents.usedByActiveCampaign(organizationId, agent.id())) {
      throw new ConflictException(
          "Agent " + agent.id() + " is used by an active campaign; pause or complete it first");
    }
    agents.delete(organizationId, agent.id());
    return agent;
  }

  private Agent find(UUID organizationId, String id, boolean lock) {
    UUID agentId = Ids.parseOrNull(id);
    if (agentId == null) {
      throw new NotFoundException("Agent", id);
    }
    return (lock
            ? agents.findForUpdate(organizationId, agentId)
            : agents.find(organizationId, agentId))
        .orElseThrow(() -> new NotFoundException("Agent", id));
  }
}
