package ai.agni.campaigns.dialer;

import ai.agni.campaigns.calling.SingleCallRepository;
import ai.agni.campaigns.queue.QueueRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The first step of a poll: asks once for the campaigns whose next work has come, completes the
 * finished ones, and for each of the others either finds how many contacts are due now or writes
 * down when it next has work (window opening, earliest retry, end), so it costs nothing until then.
 * A campaign that cannot run is parked until a change wakes it.
 */
final class PlanDueWork {

  /** The most campaigns one poll looks at; the rest wait for the next poll. */
  static final int CAMPAIGNS_PER_POLL = 1_000;

  /** One organization's due work at this poll. */
  record OrgWork(OrgLimits limits, List<EngineCampaign> campaigns, boolean callsWaiting) {}

  /**
   * The poll's due work, per organization, with each campaign's due count (at most a batch) and,
   * for a campaign judged per callee, the zone groups open now with due contacts (claims take from
   * those only).
   */
  record DueWork(
      Map<UUID, OrgWork> byOrganization,
      Map<UUID, Integer> dueCounts,
      Map<UUID, List<String>> openGroups) {

    DueWork(Map<UUID, OrgWork> byOrganization, Map<UUID, Integer> dueCounts) {
      this(byOrganization, dueCounts, Map.of());
    }
  }

  private final EngineCampaignRepository campaigns;
  private final QueueRepository queue;
  private final CompleteFinishedCampaigns completion;
  private final SingleCallRepository singleCalls;
  private final int batchSize;

  PlanDueWork(
      EngineCampaignRepository campaigns,
      QueueRepository queue,
      CompleteFinishedCampaigns completion,
      SingleCallRepository singleCalls,
      int batchSize) {
    this.campaigns = campaigns;
    this.queue = queue;
    this.completion = completion;
    this.singleCalls = singleCalls;
    this.batchSize = batchSize;
  }

  DueWork run(Instant now) {
    Map<UUID, OrgLimits> limits = new HashMap<>();
    Map<UUID, List<EngineCampaign>> due = new LinkedHashMap<>();
    Map<UUID, Integer> counts = new HashMap<>();
    Map<UUID, List<String>> groups = new HashMap<>();
    for (DueCampaign c : campaigns.dueCampaigns(now, CAMPAIGNS_PER_POLL)) {
      int count = dueCount(c, now, groups);
      if (count > 0) {
        limits.put(c.organizationId(), c.org());
        due.computeIfAbsent(c.organizationId(), id -> new ArrayList<>()).add(c.campaign());
        counts.put(c.id(), count);
      }
    }
    List<UUID> waiting = singleCalls.waitingOrganizations();
    Map<UUID, OrgWork> out = new LinkedHashMap<>();
    due.forEach(
        (org, list) -> out.put(org, new OrgWork(limits.get(org), list, waiting.contains(org))));
    for (UUID org : waiting) {
      if (!out.containsKey(org)) {
        campaigns.orgLimits(org).ifPresent(l -> out.put(org, new OrgWork(l, List.of(), true)));
      }
    }
    return new DueWork(out, counts, groups);
  }

  /** How many of the campaign's contacts are due now; 0 after planning its next work. */
  private int dueCount(DueCampaign c, Instant now, Map<UUID, List<String>> groups) {
    if (!c.runnable()) {
      queue.plan(c.id(), c.workSeq(), null);
      return 0;
    }
    DialingRules rules = c.campaign().rules();
    boolean ended = rules.ended(now);
    if ((ended || c.nothingLeft())
        && completion.completeIfFinished(c.organizationId(), c.id(), now, ended)) {
      return 0;
    }
    Instant end = rules.window().notAfter();
    if (rules.perCallee()) {
      return dueByZone(c, rules, now, end, groups);
    }
    if (!rules.isOpen(now)) {
      queue.plan(c.id(), c.workSeq(), earliest(rules.nextOpen(now), end));
      return 0;
    }
    if (c.lineBlocked(now)) {
      // why: the number's trunk could not take calls; nothing is claimed until its back-off ends.
      queue.plan(c.id(), c.workSeq(), earliest(c.lineBlockedUntil(), end));
      return 0;
    }
    if (c.pending() == 0) {
      // why no instant: every contact is in a call, and each call's end wakes the campaign.
      queue.plan(c.id(), c.workSeq(), end);
      return 0;
    }
    int count = queue.countDue(c.organizationId(), c.id(), null, now, batchSize);
    if (count == 0) {
      Instant retry = queue.nextRetryAt(c.organizationId(), c.id(), now).orElse(null);
      queue.plan(c.id(), c.workSeq(), earliest(retry, end));
    }
    return count;
  }

  /**
   * A campaign judged in each callee's local time: its zone groups (a few dozen at most) are judged
   * by the pure rules, and only the open ones are counted, each with one index range; the closed
   * ones give the next instant to look again. No pass over the queue, whatever its size.
   */
  private int dueByZone(
      DueCampaign c, DialingRules rules, Instant now, Instant end, Map<UUID, List<String>> groups) {
    if (c.lineBlocked(now)) {
      queue.plan(c.id(), c.workSeq(), earliest(c.lineBlockedUntil(), end));
      return 0;
    }
    if (c.pending() == 0) {
      queue.plan(c.id(), c.workSeq(), end);
      return 0;
    }
    Instant next = null;
    List<String> open = new ArrayList<>();
    for (String group : queue.zoneGroups(c.id())) {
      if (rules.isOpen(group, now)) {
        open.add(group);
      } else {
        next = earliest(next, rules.nextOpen(group, now));
      }
    }
    int count = 0;
    List<String> due = new ArrayList<>();
    for (String group : open) {
      if (count >= batchSize) {
        due.add(group);
        continue;
      }
      int n = queue.countDue(c.organizationId(), c.id(), group, now, batchSize - count);
      if (n > 0) {
        due.add(group);
        count += n;
      }
    }
    if (count == 0) {
      // why no retry lookup while every group is closed: a retry or a hold is always placed at an
      // instant its group is open, so no retry comes before the earliest group opening.
      Instant retry =
          open.isEmpty() ? null : queue.nextRetryAt(c.organizationId(), c.id(), now).orElse(null);
      queue.plan(c.id(), c.workSeq(), earliest(earliest(next, retry), end));
    } else {
      groups.put(c.id(), due);
    }
    return count;
  }

  static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
