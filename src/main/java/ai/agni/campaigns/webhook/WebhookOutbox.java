package ai.agni.campaigns.webhook;

import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.queue.QueueRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes webhook events into the outbox in the transaction of the change they report (docs/api.md
 * §8). Callers say what happened (calls finished, contacts finished, a campaign moved) inside their
 * transaction; the events are built and written once, just before the commit: one read of each
 * source, sequence numbers per scope, one batched insert. Nothing is written for an agent without
 * webhook URLs. After the commit this node's deliverers are woken.
 *
 * <p>Order within a transaction: calls, then contacts, then campaign moves, each in the order
 * reported. Scope of the sequence: the campaign, or for a single call outside any campaign its
 * organization (such calls are ordered among themselves).
 */
@Component
public class WebhookOutbox {

  private final EventSourceRepository sources;
  private final OutboxRepository outbox;
  private final CampaignSnapshots campaigns;
  private final QueueRepository queue;
  private final ObjectMapper json;
  private final Clock clock;
  private final WebhookSignal signal = new WebhookSignal();

  WebhookOutbox(
      EventSourceRepository sources,
      OutboxRepository outbox,
      CampaignSnapshots campaigns,
      QueueRepository queue,
      ObjectMapper json,
      Clock clock) {
    this.sources = sources;
    this.outbox = outbox;
    this.campaigns = campaigns;
    this.queue = queue;
    this.json = json;
    this.clock = clock;
  }

  /** Raised after each commit that wrote events (this node's deliverers listen). */
  WebhookSignal signal() {
    return signal;
  }

  /**
   * Wakes this node's deliverers to look at every stream once the current transaction commits (a
   * re-queued delivery).
   */
  public void wakeAfterCommit() {
    Pending p = pending();
    p.wrote = true;
    p.scopes.clear();
    p.everything = true;
  }

  /** These call attempts ended (their call rows are written in this transaction). */
  public void callsFinished(List<UUID> sessionIds) {
    if (!sessionIds.isEmpty()) {
      pending().calls.addAll(sessionIds);
    }
  }

  /** These campaign contacts reached a final state in this transaction. */
  public void contactsFinished(List<FinishedContact> contacts) {
    if (!contacts.isEmpty()) {
      pending().contacts.addAll(contacts);
    }
  }

  /** The campaign moved (started, paused, resumed, completed) in this transaction. */
  public void campaignMoved(UUID organizationId, UUID campaignId, WebhookEvent event) {
    if (event != null) {
      pending().moves.add(new Move(organizationId, campaignId, event));
    }
  }

  private record Move(UUID organizationId, UUID campaignId, WebhookEvent event) {}

  /** What one transaction reported, written before its commit. */
  private final class Pending implements TransactionSynchronization {
    final Set<UUID> calls = new LinkedHashSet<>();
    final List<FinishedContact> contacts = new ArrayList<>();
    final List<Move> moves = new ArrayList<>();
    final Set<UUID> scopes = new LinkedHashSet<>();
    boolean wrote;
    boolean everything;

    @Override
    public void beforeCommit(boolean readOnly) {
      wrote |= write(this);
    }

    @Override
    public void afterCommit() {
      if (wrote) {
        signal.wake(everything ? Set.of() : scopes);
      }
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(WebhookOutbox.this);
    }
  }

  private Pending pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException(
          "Indicates a bug: webhook events must be written in the transaction they report");
    }
    Pending p = (Pending) TransactionSynchronizationManager.getResource(this);
    if (p == null) {
      p = new Pending();
      TransactionSynchronizationManager.bindResource(this, p);
      TransactionSynchronizationManager.registerSynchronization(p);
    }
    return p;
  }

  /** An event before its sequence number: scope, payload, targets. */
  private record Draft(
      UUID organizationId,
      UUID campaignId,
      WebhookEvent event,
      Map<String, Object> data,
      Object campaignData,
      List<String> urls) {
    UUID scope() {
      return campaignId != null ? campaignId : organizationId;
    }
  }

  private boolean write(Pending p) {
    List<Draft> drafts = new ArrayList<>();
    Map<UUID, String> called = new java.util.HashMap<>();
    for (EventSourceRepository.FinishedCall c : sources.finishedCalls(p.calls)) {
      if (c.contactId() != null) {
        called.put(c.contactId(), c.calleeNumber());
      }
      drafts.add(
          new Draft(
              c.organizationId(),
              c.campaignId(),
              WebhookEvent.CALL_COMPLETED,
              callData(c),
              null,
              c.urls()));
    }
    Set<UUID> campaignIds = new LinkedHashSet<>();
    p.contacts.forEach(c -> campaignIds.add(c.campaignId()));
    p.moves.forEach(m -> campaignIds.add(m.campaignId()));
    Map<UUID, EventSourceRepository.CampaignTargets> targets = sources.campaignTargets(campaignIds);
    List<FinishedContact> contacts =
        p.contacts.stream().filter(c -> targets.containsKey(c.campaignId())).toList();
    // why the calls first: a contact finished by a call has its number in that call's row.
    Map<UUID, String> phones =
        sources.phones(
            contacts.stream()
                .filter(c -> c.phone() == null && !called.containsKey(c.contactId()))
                .map(FinishedContact::contactId)
                .toList());
    for (FinishedContact c : contacts) {
      String phone =
          c.phone() != null
              ? c.phone()
              : called.getOrDefault(c.contactId(), phones.get(c.contactId()));
      drafts.add(
          new Draft(
              c.organizationId(),
              c.campaignId(),
              WebhookEvent.CONTACT_FINISHED,
              contactData(c, phone),
              null,
              targets.get(c.campaignId()).urls()));
    }
    for (Move m : p.moves) {
      EventSourceRepository.CampaignTargets t = targets.get(m.campaignId());
      if (t == null) {
        continue;
      }
      Optional<Object> view = campaigns.snapshot(m.organizationId(), m.campaignId());
      view.ifPresent(
          v ->
              drafts.add(
                  new Draft(m.organizationId(), m.campaignId(), m.event(), null, v, t.urls())));
    }
    if (drafts.isEmpty()) {
      return false;
    }
    // why first: the queue's head rows are locked before the sequences in every transaction.
    queue.writeCounters();
    outbox.insert(numbered(drafts), clock.instant());
    if (!p.everything) {
      drafts.forEach(d -> p.scopes.add(d.scope()));
    }
    return true;
  }

  /** Gives each draft its sequence number, taking the scopes' rows in one order (no deadlock). */
  private List<OutboxRepository.StoredEvent> numbered(List<Draft> drafts) {
    Map<UUID, List<Draft>> byScope = new TreeMap<>(Comparator.naturalOrder());
    drafts.forEach(d -> byScope.computeIfAbsent(d.scope(), s -> new ArrayList<>()).add(d));
    Instant now = clock.instant();
    List<OutboxRepository.StoredEvent> events = new ArrayList<>();
    byScope.forEach(
        (scope, list) -> {
          long next = outbox.allocate(scope, list.get(0).organizationId(), list.size());
          for (Draft d : list) {
            UUID id = Ids.newId();
            long sequence = next++;
            events.add(
                new OutboxRepository.StoredEvent(
                    id,
                    d.organizationId(),
                    d.campaignId(),
                    scope,
                    sequence,
                    d.event().wire(),
                    body(id, d, sequence, now),
                    now,
                    d.urls()));
          }
        });
    return events;
  }

  private String body(UUID id, Draft d, long sequence, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id.toString());
    body.put("event", d.event().wire());
    body.put("created_at", Times.isoMillis(now));
    body.put("sequence", sequence);
    body.put("org_id", d.organizationId().toString());
    body.put("data", d.data() != null ? d.data() : d.campaignData());
    return json.writeValueAsString(body);
  }

  private static Map<String, Object> callData(EventSourceRepository.FinishedCall c) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("campaign_id", text(c.campaignId()));
    data.put("contact_id", text(c.contactId()));
    data.put("phone", c.calleeNumber());
    data.put("status", c.status());
    data.put("duration_sec", c.durationSec());
    data.put("call_session_id", c.sessionId().toString());
    data.put("attempt", c.attempt());
    data.put("caller_number", c.callerNumber());
    data.put("callee_number", c.calleeNumber());
    data.put("agent_name", c.agentName());
    data.put("channel", "voice");
    data.put("disconnect_reason", c.disconnectReason());
    data.put("started_at", Times.isoMillis(c.startedAt()));
    data.put("ended_at", Times.isoMillis(c.endedAt()));
    data.put("created_at", Times.isoMillis(c.createdAt()));
    return data;
  }

  private static Map<String, Object> contactData(FinishedContact c, String phone) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("campaign_id", c.campaignId().toString());
    data.put("contact_id", c.contactId().toString());
    data.put("phone", phone);
    data.put("status", c.status());
    data.put("attempts", c.attempts());
    data.put("last_outcome", c.lastOutcome());
    data.put("last_reason", c.lastReason());
    return data;
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
