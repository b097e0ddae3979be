package ai.agni.campaigns.dialer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The steppable core of the engine: {@link #pollOnce}, {@link #heartbeatOnce}, {@link #reapOnce}
 * run one step each on the calling thread; no threads of its own. {@code DialerLoop} calls them on
 * real threads; tests call them on a manual clock and timer.
 */
final class DialerEngine {

  private final EngineParts parts;
  private final DialerSettings settings;
  private final ClaimForOrganization claims;
  private final DispatchClaimedAttempts dispatch;
  private final ReapStaleAttempts reaper;
  private final AtomicBoolean woken = new AtomicBoolean(true);
  private final AtomicLong rotation = new AtomicLong();
  private volatile Consumer<DialerEngine> onWake = engine -> {};

  DialerEngine(EngineParts parts, DialerSettings settings) {
    this.parts = parts;
    this.settings = settings;
    this.claims = new ClaimForOrganization(parts, settings);
    this.dispatch = new DispatchClaimedAttempts(parts, settings.nodeId(), this::wake);
    this.reaper = new ReapStaleAttempts(parts, settings);
  }

  String nodeId() {
    return settings.nodeId();
  }

  /** Something may have changed (new work, capacity freed): poll soon. Never blocks. */
  void wake() {
    woken.set(true);
    onWake.accept(this);
  }

  void onWake(Consumer<DialerEngine> listener) {
    this.onWake = listener;
  }

  /** Whether a wake-up arrived since the last poll began. */
  boolean isWoken() {
    return woken.get();
  }

  /**
   * One dispatcher step: completes finished campaigns, claims what capacity allows for every
   * organization, hands the claims to the timer. Returns the earliest instant at which new work is
   * known to appear (window opening, retry due, rate slot free), or null when only a wake-up can
   * bring work.
   */
  Instant pollOnce() {
    woken.set(false);
    Instant now = parts.clock().instant();
    Map<UUID, OrgLimits> orgs = new HashMap<>();
    List<EngineCampaign> running = parts.campaigns().runningCampaigns(orgs);
    Map<UUID, List<EngineCampaign>> byOrg = new LinkedHashMap<>();
    Map<UUID, Integer> due = new HashMap<>();
    NextWork next = new NextWork();
    for (EngineCampaign c : running) {
      int dueCount = dueWork(c, now, next);
      if (dueCount > 0) {
        due.put(c.id(), dueCount);
        byOrg.computeIfAbsent(c.organizationId(), id -> new ArrayList<>()).add(c);
      }
    }
    Set<UUID> callsWaiting = new HashSet<>(parts.store().adHoc().waitingOrganizations());
    callsWaiting.forEach(org -> byOrg.computeIfAbsent(org, id -> new ArrayList<>()));
    long turn = rotation.getAndIncrement();
    byOrg.forEach(
        (org, campaigns) -> {
          OrgLimits limits = orgs.containsKey(org) ? orgs.get(org) : orgLimits(org);
          if (limits == null) {
            return;
          }
          List<EngineCampaign> rotated = rotate(campaigns, turn);
          ClaimForOrganization.Result result =
              claims.claim(limits, rotated, due, callsWaiting.contains(org), now);
          result.attempts().forEach(dispatch::dispatch);
          if (result.cpsBound()) {
            next.offer(now.plus(settings.claimHorizon()));
          } else if (!result.attempts().isEmpty() && moreDue(campaigns, due)) {
            next.offer(now);
          }
        });
    return next.at;
  }

  /** How many contacts of the campaign are due now (at most a batch); also notes future work. */
  private int dueWork(EngineCampaign c, Instant now, NextWork next) {
    EngineCampaignRepository campaigns = parts.campaigns();
    boolean ended = c.rules().ended(now);
    if (ended || !campaigns.hasUnfinishedContacts(c.organizationId(), c.id())) {
      Boolean completed =
          parts
              .store()
              .tx()
              .execute(
                  status -> campaigns.completeIfFinished(c.organizationId(), c.id(), now, ended));
      if (Boolean.TRUE.equals(completed)) {
        return 0;
      }
    }
    if (!c.rules().isOpen(now)) {
      next.offer(c.rules().nextOpen(now));
      return 0;
    }
    int due = campaigns.countDue(c.organizationId(), c.id(), now, settings.batchSize());
    if (due == 0) {
      // why: only an idle campaign needs its next retry time; a busy one is woken by its calls.
      campaigns.nextRetryAt(c.organizationId(), c.id(), now).ifPresent(next::offer);
    }
    return due;
  }

  /** A full batch was due: more may be waiting behind it. */
  private boolean moreDue(List<EngineCampaign> campaigns, Map<UUID, Integer> due) {
    return campaigns.stream().anyMatch(c -> due.get(c.id()) >= settings.batchSize());
  }

  private OrgLimits orgLimits(UUID organizationId) {
    return parts.campaigns().orgLimits(organizationId).orElse(null);
  }

  private static List<EngineCampaign> rotate(List<EngineCampaign> campaigns, long turn) {
    if (campaigns.isEmpty()) {
      return campaigns;
    }
    int shift = (int) (turn % campaigns.size());
    List<EngineCampaign> rotated = new ArrayList<>(campaigns.subList(shift, campaigns.size()));
    rotated.addAll(campaigns.subList(0, shift));
    return rotated;
  }

  /** Refreshes this node's heartbeat. */
  void heartbeatOnce() {
    parts.store().nodes().beat(settings.nodeId(), parts.clock().instant());
  }

  /**
   * Settles the live calls of dead nodes as failed / node_lost, and live calls whose lease expired
   * as failed / lease_expired, through the retry path.
   */
  int reapOnce() {
    int reaped = reaper.reapDeadNodes() + reaper.reapExpiredLeases();
    if (reaped > 0) {
      wake();
    }
    return reaped;
  }

  /** At start: this node's live calls are from a previous life and are settled the same way. */
  int recoverOwnCalls() {
    int reaped = reaper.reapNode(settings.nodeId());
    heartbeatOnce();
    return reaped;
  }

  /** The earliest of the instants offered. */
  private static final class NextWork {
    private Instant at;

    void offer(Instant candidate) {
      if (candidate != null && (at == null || candidate.isBefore(at))) {
        at = candidate;
      }
    }
  }
}
