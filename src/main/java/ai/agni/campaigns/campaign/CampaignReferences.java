package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.SentFields;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only look-ups of what a campaign points at (agents, phone numbers, contacts), straight from
 * their tables, so the campaign feature does not depend on the other features' classes.
 */
@Component
class CampaignReferences {

  private final JdbcClient jdbc;

  CampaignReferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The organization's agent, if it exists. */
  Optional<AgentRef> agent(UUID organizationId, UUID agentId) {
    return jdbc.sql("SELECT id, status, sip_uri FROM agents WHERE organization_id = ? AND id = ?")
        .params(organizationId, agentId)
        .query((rs, row) -> new AgentRef(agentId, rs.getString("status"), rs.getString("sip_uri")))
        .optional();
  }

  /** The organization's phone number, if it exists (any status). */
  Optional<NumberRef> phoneNumber(UUID organizationId, UUID phoneNumberId) {
    return jdbc.sql(
            "SELECT phone_number, status, provider FROM phone_numbers"
                + " WHERE organization_id = ? AND id = ?")
        .params(organizationId, phoneNumberId)
        .query(
            (rs, row) ->
                new NumberRef(
                    phoneNumberId,
                    rs.getString("phone_number"),
                    rs.getString("status"),
                    rs.getString("provider")))
        .optional();
  }

  /** The ids that are not contacts of the organization, in the order given. */
  Set<UUID> unknownContacts(UUID organizationId, Collection<UUID> contactIds) {
    List<UUID> ids = List.copyOf(new LinkedHashSet<>(contactIds));
    Set<UUID> known = new HashSet<>();
    int batch = 500;
    for (int from = 0; from < ids.size(); from += batch) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + batch));
      known.addAll(
          jdbc.sql("SELECT id FROM contacts WHERE organization_id = :org AND id IN (:ids)")
              .param("org", organizationId)
              .param("ids", chunk)
              .query(UUID.class)
              .list());
    }
    Set<UUID> unknown = new LinkedHashSet<>(ids);
    unknown.removeAll(known);
    return unknown;
  }

  /**
   * 400 unless the agent is the organization's, the number is an active number of the organization
   * and {@code from} is that number; {@code body} names the fields as sent.
   */
  void requireRouting(
      UUID organizationId, UUID agentId, UUID phoneNumberId, String from, SentFields body) {
    if (agent(organizationId, agentId).isEmpty()) {
      throw body.invalid("agentId", "is not an agent of this organization");
    }
    NumberRef number =
        phoneNumber(organizationId, phoneNumberId)
            .filter(NumberRef::active)
            .orElseThrow(
                () ->
                    body.invalid(
                        "phoneNumberId", "is not an active phone number of this organization"));
    if (!number.phoneNumber().equals(from)) {
      throw body.invalid(
          "fromPhoneNumber",
          "must be the number of phoneNumberId (" + number.phoneNumber() + "), not " + from);
    }
  }

  /** An agent and whether it may dial ({@code ACTIVE}, any casing or protobuf-style prefix). */
  record AgentRef(UUID id, String status, String sipUri) {
    boolean active() {
      String upper = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
      return upper.equals("ACTIVE") || upper.equals("AGENT_STATUS_ACTIVE");
    }
  }

  /** A phone number, its E.164 value and whether it is active (not released). */
  record NumberRef(UUID id, String phoneNumber, String status, String provider) {
    boolean active() {
      return status != null && status.trim().equalsIgnoreCase("active");
    }

    boolean sip() {
      return "sip".equalsIgnoreCase(provider);
    }
  }
}
