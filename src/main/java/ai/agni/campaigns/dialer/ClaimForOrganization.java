package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One organization's claim at one poll, in one transaction: lock the organization's bucket (which
 * serialises its claims across nodes), count live calls, plan slots round-robin over its campaigns,
 * claim exactly that many contacts, insert their queued call rows, store the buckets. The caller
 * dials after the commit.
 */
final class ClaimForOrganization {

  /** What the claim produced: attempts to dial, and whether a rate (not concurrency) stopped it. */
  record Result(List<ClaimedAttempt> attempts, boolean cpsBound) {}

  private final EngineParts parts;
  private final DialerSettings settings;

  ClaimForOrganization(EngineParts parts, DialerSettings settings) {
    this.parts = parts;
    this.settings = settings;
  }

  Result claim(
      OrgLimits org,
      List<EngineCampaign> campaigns,
      Map<UUID, Integer> due,
      boolean callsWaiting,
      Instant now) {
    return parts
        .store()
        .tx()
        .execute(status -> claimLocked(org, campaigns, due, callsWaiting, now));
  }

  private Result claimLocked(
      OrgLimits org,
      List<EngineCampaign> campaigns,
      Map<UUID, Integer> due,
      boolean callsWaiting,
      Instant now) {
    ClaimWaitingCalls waiting =
        new ClaimWaitingCalls(
            callsWaiting
                ? parts.store().adHoc().waiting(org.organizationId(), settings.batchSize())
                : List.of());
    Map<String, Instant> buckets = lockBuckets(org, campaigns, waiting, now);
    LiveCounts live = parts.calls().liveCounts(org.organizationId());
    CapacityPlanner.Plan plan =
        plan(org, campaigns, due, waiting.demands(false), live, buckets, now);
    Map<UUID, List<ClaimedContact>> claimed = new HashMap<>();
    boolean fewer = waiting.claim(plan, parts.store().adHoc(), settings.nodeId());
    for (EngineCampaign c : campaigns) {
      int wanted = plan.slotsOf(c.id());
      if (wanted > 0) {
        List<ClaimedContact> got =
            parts
                .store()
                .claimer()
                .claim(org.organizationId(), c.id(), wanted, settings.nodeId(), now, lease(c, now));
        got = parts.store().dnc().dialable(org.organizationId(), c.id(), got, now);
        claimed.put(c.id(), got);
        fewer |= got.size() < wanted;
      }
    }
    if (fewer) {
      // why: fewer were claimed than planned (raced, or dnc): re-plan so no slot is wasted.
      Map<UUID, Integer> got = new HashMap<>();
      claimed.forEach((id, list) -> got.put(id, list.size()));
      plan = plan(org, campaigns, got, waiting.demands(true), live, buckets, now);
    }
    List<ClaimedAttempt> attempts = attempts(campaigns, claimed, plan);
    parts.calls().insertQueued(attempts, settings.nodeId(), now);
    attempts.addAll(waiting.attempts(org.organizationId(), plan));
    parts.store().buckets().store(plan.nextFree(), now);
    return new Result(attempts, plan.cpsBound());
  }

  private Map<String, Instant> lockBuckets(
      OrgLimits org, List<EngineCampaign> campaigns, ClaimWaitingCalls waiting, Instant now) {
    Set<String> keys = new HashSet<>(waiting.lineBucketKeys());
    for (EngineCampaign c : campaigns) {
      keys.add(ThrottleBucketRepository.campaignKey(c.id()));
      if (c.line().maxCps() != null) {
        keys.add(ThrottleBucketRepository.lineKey(c.line().id()));
      }
    }
    String orgKey = ThrottleBucketRepository.orgKey(org.organizationId());
    return parts.store().buckets().lock(orgKey, keys, now);
  }

  private CapacityPlanner.Plan plan(
      OrgLimits org,
      List<EngineCampaign> campaigns,
      Map<UUID, Integer> wanted,
      List<CapacityPlanner.Demand> waitingCalls,
      LiveCounts live,
      Map<String, Instant> buckets,
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
    demands.addAll(waitingCalls);
    return CapacityPlanner.plan(
        now, settings.claimHorizon(), org, live.organization(), live.byLine(), demands, buckets);
  }

  private static List<ClaimedAttempt> attempts(
      List<EngineCampaign> campaigns,
      Map<UUID, List<ClaimedContact>> claimed,
      CapacityPlanner.Plan plan) {
    List<ClaimedAttempt> out = new ArrayList<>();
    for (EngineCampaign c : campaigns) {
      List<ClaimedContact> contacts = claimed.getOrDefault(c.id(), List.of());
      List<Instant> slots = plan.slots().getOrDefault(c.id(), List.of());
      for (int i = 0; i < contacts.size(); i++) {
        ClaimedContact contact = contacts.get(i);
        out.add(
            new ClaimedAttempt(
                Ids.newId(),
                c.organizationId(),
                c.id(),
                contact.contactId(),
                c.agentId(),
                c.line(),
                contact.attempt(),
                contact.version(),
                contact.phone(),
                contact.variables(),
                slots.get(i),
                c.ringTimeout(),
                c.maxDuration(),
                c.rules()));
      }
    }
    return out;
  }

  private Instant lease(EngineCampaign c, Instant now) {
    Duration longest = c.ringTimeout().plus(c.maxDuration()).plus(settings.claimHorizon());
    return now.plus(longest).plus(settings.nodeTimeout());
  }
}
