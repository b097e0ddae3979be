package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.ApiError;
import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.platform.OperatorLog;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.queue.QueueRepository;
import ai.agni.campaigns.webhook.WebhookEvent;
import ai.agni.campaigns.webhook.WebhookOutbox;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partial updates and status transitions of a campaign. Each attempt reads the row, computes the
 * next one and writes it guarded by version; a lost race re-reads and tries again (and an {@code
 * If-Match} that no longer matches the re-read row is a 409).
 */
@Service
class CampaignUpdater {

  private static final int MAX_ATTEMPTS = 3;

  private final CampaignService service;
  private final CampaignRepository campaigns;
  private final QueueRepository queue;
  private final CampaignReferences references;
  private final WorkChangedPublisher wake;
  private final WebhookOutbox outbox;
  private final Clock clock;

  CampaignUpdater(
      CampaignService service,
      CampaignRepository campaigns,
      QueueRepository queue,
      CampaignReferences references,
      WorkChangedPublisher wake,
      WebhookOutbox outbox,
      Clock clock) {
    this.outbox = outbox;
    this.service = service;
    this.campaigns = campaigns;
    this.queue = queue;
    this.references = references;
    this.wake = wake;
    this.clock = clock;
  }

  /** Applies the patch; an unchanged result writes nothing and keeps {@code updatedAt}. */
  @Transactional
  Campaign update(UUID organizationId, String id, CampaignPatch patch, String ifMatch) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Campaign current = service.require(organizationId, id);
      requireMatch(current, ifMatch);
      Campaign next = transition(edit(current, patch), patch.status(), clock.instant());
      if (next.sameContentAs(current)) {
        return current;
      }
      if (campaigns.update(next)) {
        if (next.status() != current.status()) {
          String change = next.status().changeFrom(current.status());
          OperatorLog.afterCommit(
              () -> OperatorLog.campaignChanged(organizationId, next.id(), change, "api", null));
        }
        if (next.status() == CampaignStatus.ACTIVE) {
          // why: any change of an active campaign (status, window, limits) may bring work now.
          queue.wake(next.id(), clock.instant());
          wake.afterCommit(organizationId, next.id());
        }
        outbox.campaignMoved(
            organizationId,
            next.id(),
            WebhookEvent.ofCampaignMove(current.status().wire(), next.status().wire()));
        return next;
      }
    }
    throw new ConflictException("Campaign " + id + " is being changed concurrently; retry");
  }

  /** The campaign with the patch's fields applied (status untouched), checked against its state. */
  private Campaign edit(Campaign current, CampaignPatch patch) {
    UUID phoneNumberId = orElse(patch.phoneNumberId(), current.phoneNumberId());
    String from = patch.fromPhoneNumber();
    if (from == null) {
      // why: a new number without a caller id takes that number's own as caller id.
      from =
          phoneNumberId.equals(current.phoneNumberId())
              ? current.fromPhoneNumber()
              : references
                  .phoneNumber(current.organizationId(), phoneNumberId)
                  .map(CampaignReferences.NumberRef::phoneNumber)
                  .orElse(current.fromPhoneNumber());
    }
    Campaign edited =
        new Campaign(
            current.id(),
            current.organizationId(),
            orElse(patch.name(), current.name()),
            orElse(patch.agentId(), current.agentId()),
            phoneNumberId,
            from,
            current.status(),
            patch.schedule(current.schedule()),
            patch.concurrencySent()
                ? patch.outboundMaxConcurrent()
                : current.outboundMaxConcurrent(),
            patch.cpsSent() ? patch.outboundMaxCps() : current.outboundMaxCps(),
            current.startedAt(),
            current.completedAt(),
            current.createdAt(),
            current.updatedAt(),
            current.version());
    requireEditable(current, edited);
    if (!edited.sameRoutingAs(current)) {
      references.requireRouting(
          current.organizationId(),
          edited.agentId(),
          edited.phoneNumberId(),
          edited.fromPhoneNumber(),
          patch.sent());
    }
    return edited;
  }

  /** While completed only the name changes; agent and number only in draft or paused. */
  private static void requireEditable(Campaign current, Campaign edited) {
    if (current.status() == CampaignStatus.COMPLETED) {
      Campaign renamedOnly = withName(current, edited.name());
      if (!edited.sameContentAs(renamedOnly)) {
        throw new ConflictException("Only name may change while the campaign is completed");
      }
    }
    if (current.status() == CampaignStatus.ACTIVE && !edited.sameRoutingAs(current)) {
      List<String> fields = new ArrayList<>();
      if (!edited.agentId().equals(current.agentId())) {
        fields.add("agentId");
      }
      if (!edited.phoneNumberId().equals(current.phoneNumberId())) {
        fields.add("phoneNumberId");
      }
      if (!edited.fromPhoneNumber().equals(current.fromPhoneNumber())) {
        fields.add("fromPhoneNumber");
      }
      throw new ConflictException(
          "Cannot change "
              + String.join(", ", fields)
              + " while the campaign is active; pause it first");
    }
  }

  /** Moves to {@code target} when it differs: the table, activation needs, and timestamps. */
  private Campaign transition(Campaign edited, CampaignStatus target, Instant now) {
    CampaignStatus status = target == null ? edited.status() : target;
    if (status != edited.status()) {
      CampaignStatus.check(edited.status(), status);
      if (status == CampaignStatus.ACTIVE) {
        requireReadyToActivate(edited);
      }
    }
    return new Campaign(
        edited.id(),
        edited.organizationId(),
        edited.name(),
        edited.agentId(),
        edited.phoneNumberId(),
        edited.fromPhoneNumber(),
        status,
        edited.schedule(),
        edited.outboundMaxConcurrent(),
        edited.outboundMaxCps(),
        status == CampaignStatus.ACTIVE ? orElse(edited.startedAt(), now) : edited.startedAt(),
        status == CampaignStatus.COMPLETED
            ? orElse(edited.completedAt(), now)
            : edited.completedAt(),
        edited.createdAt(),
        now,
        edited.version() + 1);
  }

  /** 409 naming each missing piece: an ACTIVE agent, an active number, at least one contact. */
  private void requireReadyToActivate(Campaign c) {
    UUID org = c.organizationId();
    List<String> missing = new ArrayList<>();
    Optional<CampaignReferences.AgentRef> agent = references.agent(org, c.agentId());
    if (agent.filter(CampaignReferences.AgentRef::active).isEmpty()) {
      missing.add("agent " + c.agentId() + " is not active");
    }
    Optional<CampaignReferences.NumberRef> number = references.phoneNumber(org, c.phoneNumberId());
    if (number.filter(CampaignReferences.NumberRef::active).isEmpty()) {
      missing.add("phone number " + c.phoneNumberId() + " is not active");
    }
    boolean sipWithoutAgentUri =
        number.filter(CampaignReferences.NumberRef::sip).isPresent()
            && agent.map(CampaignReferences.AgentRef::sipUri).isEmpty();
    if (sipWithoutAgentUri) {
      // why a field: the client has to set the agent's sipUri before a sip number can dial.
      throw new ConflictException(
          "Cannot activate campaign: phone number "
              + c.phoneNumberId()
              + " is sip and agent "
              + c.agentId()
              + " has no sipUri",
          List.of(new ApiError.FieldError("agent.sipUri", "is required for a sip phone number")));
    }
    if (queue.count(org, c.id(), null) == 0) {
      missing.add("the campaign has no contacts");
    }
    if (!missing.isEmpty()) {
      throw new ConflictException("Cannot activate campaign: " + String.join("; ", missing));
    }
  }

  /** {@code If-Match} carries the {@code updatedAt} the client last saw; {@code *} matches any. */
  private static void requireMatch(Campaign current, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return;
    }
    String token = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "").trim();
    if (token.equals("*") || token.equals(Times.iso(current.updatedAt()))) {
      return;
    }
    try {
      Instant seen = Instant.parse(token).truncatedTo(ChronoUnit.SECONDS);
      if (seen.equals(current.updatedAt().truncatedTo(ChronoUnit.SECONDS))) {
        return;
      }
    } catch (DateTimeParseException notATimestamp) {
      // falls through to the conflict: it cannot equal updatedAt
    }
    throw new ConflictException(
        "Campaign was modified: If-Match "
            + token
            + " does not match updatedAt "
            + Times.iso(current.updatedAt()));
  }

  private static Campaign withName(Campaign c, String name) {
    return new Campaign(
        c.id(),
        c.organizationId(),
        name,
        c.agentId(),
        c.phoneNumberId(),
        c.fromPhoneNumber(),
        c.status(),
        c.schedule(),
        c.outboundMaxConcurrent(),
        c.outboundMaxCps(),
        c.startedAt(),
        c.completedAt(),
        c.createdAt(),
        c.updatedAt(),
        c.version());
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
