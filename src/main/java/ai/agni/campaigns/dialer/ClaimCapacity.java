package ai.agni.campaigns.dialer;

import ai.agni.campaigns.calling.SingleCallRepository;
import ai.agni.campaigns.calling.WaitingCall;
import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.queue.ClaimedEntry;
import ai.agni.campaigns.queue.QueueRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One organization's claim at one poll, in one transaction: lock the organization's rate bucket
 * (which serialises its claims across nodes, so the live counts read next are exact), plan slots
 * round-robin over its campaigns and waiting single calls, claim exactly that many, and record them
 * as live attempts. When fewer were claimed than planned (another node was faster, or a number is
 * on the do-not-call list) the slots are planned again for what was claimed, so none is wasted. The
 * caller dials after the commit.
 */
final class ClaimCapacity {

  /**
   * How long past ring time and maximum duration an adapter may take to report the end itself,
   * before the lease reaper settles the call as {@code lease_expired}. why 2 min: each adapter's
   * own deadline comes first (SIP: agent answer 10 s + two timer B, 74 s by default; HTTP: {@code
   * runtime_lost} after 60 s + the 10 s offer), so the reaper only ever catches lost ones.
   */
  static final Duration PROVIDER_GRACE = Duration.ofMinutes(2);

  /**
   * What the claim produced: attempts to dial; whether a rate stopped it; whether it drained; and
   * the due contacts of its campaigns left unclaimed, by why (a concurrency cap or a rate).
   */
  record Result(
      List<ClaimedAttempt> attempts,
      boolean cpsBound,
      boolean drainedSome,
      Map<HeldBack, Integer> heldBack) {}

  private final TransactionTemplate tx;
  private final ThrottleBucketRepository buckets;
  private final LiveCallRepository liveCalls;
  private final QueueRepository queue;
  private final DoNotCallFilter dnc;
  private final SingleCallRepository singleCalls;
  private final DialerSettings settings;
  private final CalleeGuard.Factory guards;
  private int turn;

  ClaimCapacity(
      TransactionTemplate tx,
      ThrottleBucketRepository buckets,
      LiveCallRepository liveCalls,
      QueueRepository queue,
      DoNotCallFilter dnc,
      SingleCallRepository singleCalls,
      DialerSettings settings,
      CalleeGuard.Factory guards) {
    this.guards = guards;
    this.tx = tx;
    this.buckets = buckets;
    this.liveCalls = liveCalls;
    this.queue = queue;
    this.dnc = dnc;
    this.singleCalls = singleCalls;
    this.settings = settings;
  }

  Result claim(PlanDueWork.OrgWork work, Map<UUID, Integer> due, Instant now) {
    return claim(work, due, Map.of(), now);
  }

  /**
   * Claims for one organization; {@code openGroups} names, for each campaign judged per callee, the
   * zone groups open now (absent: the campaign's whole queue).
   */
  Result claim(
      PlanDueWork.OrgWork work,
      Map<UUID, Integer> due,
      Map<UUID, List<String>> openGroups,
      Instant now) {
    return tx.execute(status -> claimLocked(work, due, openGroups, now));
  }

  private Result claimLocked(
      PlanDueWork.OrgWork work,
      Map<UUID, Integer> due,
      Map<UUID, List<String>> openGroups,
      Instant now) {
    OrgLimits org = work.limits();
    List<EngineCampaign> campaigns = work.campaigns();
    Map<UUID, List<WaitingCall>> waiting = waitingByLine(work, settings.batchSize());
    Map<String, Instant> locked = buckets.lock(orgKey(org), bucketKeys(campaigns, waiting), now);
    LiveCounts live = liveCalls.counts(org.organizationId());
    Map<Object, Integer> wanted = new HashMap<>();
    campaigns.forEach(c -> wanted.put(c.id(), due.getOrDefault(c.id(), 0)));
    waiting.forEach((line, calls) -> wanted.put(singleKey(line), calls.size()));
    CapacityPlanner.Plan first = plan(org, campaigns, waiting, wanted, live, locked, now);

    Map<Object, List<ClaimedAttempt>> claimed = new LinkedHashMap<>();
    boolean fewer = false;
    boolean drained = false;
    CalleeGuard guard = guards.open(org, live, now);
    for (EngineCampaign c : campaigns) {
      int slots = first.slotsOf(c.id());
      if (slots > 0) {
        List<ClaimedEntry> got = claimEntries(org, c, openGroups.get(c.id()), slots, now);
        got = dnc.dialable(org.organizationId(), c.id(), got, now);
        got = guard.admit(c, got);
        claimed.put(c.id(), got.stream().map(e -> campaignAttempt(org, c, e, now)).toList());
        fewer |= got.size() < slots;
        drained |= slots >= due.getOrDefault(c.id(), 0);
      }
    }
    waiting.forEach(
        (line, calls) -> {
          List<ClaimedAttempt> mine = new ArrayList<>();
          int slots = first.slotsOf(singleKey(line));
          for (WaitingCall w : calls) {
            if (mine.size() >= slots) {
              break;
            }
            // why skipped, not failed: a single call to a number in a live call or over a
            // frequency cap waits in line until the number is free.
            if (guard.admitSingle(w.to()) && singleCalls.take(w.sessionId())) {
              mine.add(singleAttempt(org, w, now));
            }
          }
          claimed.put(singleKey(line), mine);
        });
    CapacityPlanner.Plan plan = first;
    if (fewer
        || claimed.entrySet().stream()
            .anyMatch(e -> e.getValue().size() < first.slotsOf(e.getKey()))) {
      Map<Object, Integer> got = new HashMap<>();
      claimed.forEach((key, list) -> got.put(key, list.size()));
      plan = plan(org, campaigns, waiting, got, live, locked, now);
    }
    List<ClaimedAttempt> attempts = withSlots(claimed, plan);
    liveCalls.insertClaimed(attempts, settings.nodeId(), now);
    buckets.store(plan.nextFree(), now);
    Map<HeldBack, Integer> held = heldBack(campaigns, due, first);
    guard.heldBack().forEach((reason, n) -> held.merge(reason, n, Integer::sum));
    return new Result(attempts, plan.cpsBound(), drained, held);
  }

  /**
   * Claims up to {@code slots} due contacts of the campaign: from its whole queue, or, when it is
   * judged per callee, from its open zone groups in turn (each one index range), starting at a
   * group that moves every poll so that no group waits behind another.
   */
  private List<ClaimedEntry> claimEntries(
      OrgLimits org, EngineCampaign c, List<String> groups, int slots, Instant now) {
    if (groups == null) {
      return queue.claim(
          org.organizationId(), c.id(), null, slots, settings.nodeId(), now, lease(c, now));
    }
    List<ClaimedEntry> got = new ArrayList<>();
    int start = groups.isEmpty() ? 0 : Math.floorMod(turn++, groups.size());
    for (int i = 0; i < groups.size() && got.size() < slots; i++) {
      String group = groups.get((start + i) % groups.size());
      got.addAll(
          queue.claim(
              org.organizationId(),
              c.id(),
              group,
              slots - got.size(),
              settings.nodeId(),
              now,
              lease(c, now)));
    }
    return got;
  }

  /**
   * Due contacts the first plan gave no slot: held back by a rate when a bucket stopped the
   * campaign, else by a concurrency cap (its own, its number's or its organization's).
   */
  private static Map<HeldBack, Integer> heldBack(
      List<EngineCampaign> campaigns, Map<UUID, Integer> due, CapacityPlanner.Plan plan) {
    Map<HeldBack, Integer> held = new EnumMap<>(HeldBack.class);
    for (EngineCampaign c : campaigns) {
      int left = due.getOrDefault(c.id(), 0) - plan.slotsOf(c.id());
      if (left > 0) {
        HeldBack reason = plan.rateBound().contains(c.id()) ? HeldBack.CPS : HeldBack.CAPACITY;
        held.merge(reason, left, Integer::sum);
      }
    }
    return held;
  }

  private Map<UUID, List<WaitingCall>> waitingByLine(PlanDueWork.OrgWork work, int limit) {
    Map<UUID, List<WaitingCall>> byLine = new LinkedHashMap<>();
    if (work.callsWaiting()) {
      for (WaitingCall w : singleCalls.waiting(work.limits().organizationId(), limit)) {
        byLine.computeIfAbsent(w.phoneNumberId(), id -> new ArrayList<>()).add(w);
      }
    }
    return byLine;
  }

  private static Set<String> bucketKeys(
      List<EngineCampaign> campaigns, Map<UUID, List<WaitingCall>> waiting) {
    Set<String> keys = new TreeSet<>();
    for (EngineCampaign c : campaigns) {
      keys.add(ThrottleBucketRepository.campaignKey(c.id()));
      if (c.line().maxCps() != null) {
        keys.add(ThrottleBucketRepository.lineKey(c.line().id()));
      }
    }
    waiting.forEach(
        (line, calls) -> {
          if (calls.get(0).lineMaxCps() != null) {
            keys.add(ThrottleBucketRepository.lineKey(line));
          }
        });
    return keys;
  }

  private CapacityPlanner.Plan plan(
      OrgLimits org,
      List<EngineCampaign> campaigns,
      Map<UUID, List<WaitingCall>> waiting,
      Map<Object, Integer> wanted,
      LiveCounts live,
      Map<String, Instant> locked,
      Instant now) {
    List<CapacityPlanner.Demand> demands = new ArrayList<>();
    for (EngineCampaign c : campaigns) {
      demands.add(
          new CapacityPlanner.Demand(
              c.id(),
              ThrottleBucketRepository.campaignKey(c.id()),
              c.maxCps(),
              c.concurrencyCap() - live.ofCampaign(c.id()),
              c.line(),
              wanted.getOrDefault(c.id(), 0)));
    }
    waiting.forEach(
        (line, calls) ->
            demands.add(
                new CapacityPlanner.Demand(
                    singleKey(line),
                    null,
                    0,
                    Integer.MAX_VALUE,
                    lineOf(calls.get(0)),
                    wanted.getOrDefault(singleKey(line), 0))));
    return CapacityPlanner.plan(
        now, settings.claimHorizon(), org, live.organization(), live.byLine(), demands, locked);
  }

  private static List<ClaimedAttempt> withSlots(
      Map<Object, List<ClaimedAttempt>> claimed, CapacityPlanner.Plan plan) {
    List<ClaimedAttempt> out = new ArrayList<>();
    claimed.forEach(
        (key, list) -> {
          List<Instant> slots = plan.slots().getOrDefault(key, List.of());
          for (int i = 0; i < list.size(); i++) {
            out.add(list.get(i).withSlot(slots.get(i)));
          }
        });
    return out;
  }

  private ClaimedAttempt campaignAttempt(
      OrgLimits org, EngineCampaign c, ClaimedEntry e, Instant now) {
    return new ClaimedAttempt(
        Ids.newId(),
        c.organizationId(),
        c.agentId(),
        c.line(),
        e.attempt(),
        e.phone(),
        e.variables(),
        null,
        lease(c, now),
        c.ringTimeout(),
        c.maxDuration(),
        new AttemptOrigin.CampaignContact(
            c.id(), e.contactId(), e.version(), c.rules(), e.zoneKey()),
        CapacityPlanner.rates(
            org,
            new CapacityPlanner.Demand(
                c.id(), ThrottleBucketRepository.campaignKey(c.id()), c.maxCps(), 0, c.line(), 0)),
        latest(latest(e.dueSince(), c.activeSince()), c.rules().window().notBefore()));
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isAfter(a) ? a : b;
  }

  private ClaimedAttempt singleAttempt(OrgLimits org, WaitingCall w, Instant now) {
    Duration longest =
        w.ringTimeout().plus(w.maxDuration()).plus(settings.claimHorizon()).plus(PROVIDER_GRACE);
    return new ClaimedAttempt(
        w.sessionId(),
        w.organizationId(),
        w.agentId(),
        lineOf(w),
        1,
        w.to(),
        Map.of(),
        null,
        now.plus(longest).plus(settings.nodeTimeout()),
        w.ringTimeout(),
        w.maxDuration(),
        new AttemptOrigin.SingleCall(w.queuedAt()),
        CapacityPlanner.rates(
            org,
            new CapacityPlanner.Demand(singleKey(w.phoneNumberId()), null, 0, 0, lineOf(w), 0)),
        null);
  }

  private static PhoneLine lineOf(WaitingCall w) {
    return new PhoneLine(
        w.phoneNumberId(),
        w.phoneNumber(),
        w.provider(),
        w.lineMaxConcurrent(),
        w.lineMaxCps(),
        w.route());
  }

  private Instant lease(EngineCampaign c, Instant now) {
    Duration longest =
        c.ringTimeout().plus(c.maxDuration()).plus(settings.claimHorizon()).plus(PROVIDER_GRACE);
    return now.plus(longest).plus(settings.nodeTimeout());
  }

  private static String orgKey(OrgLimits org) {
    return ThrottleBucketRepository.orgKey(org.organizationId());
  }

  static String singleKey(UUID lineId) {
    return "single:" + lineId;
  }
}
