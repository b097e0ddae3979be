package ai.agni.campaigns.dialer;

import ai.agni.campaigns.calllog.CallRecordRepository;
import ai.agni.campaigns.campaign.schedule.FrequencyCap;
import ai.agni.campaigns.queue.ClaimedEntry;
import ai.agni.campaigns.queue.QueueRef;
import ai.agni.campaigns.queue.QueueRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The callee rules of one organization's claim (docs/api.md §12), checked inside the claim's
 * transaction: a callee number is never in two live attempts of the organization at once (even from
 * two campaigns, or a campaign and a single call), and no number is dialed above one of the
 * organization's frequency caps. Exact across nodes: the organization's claims are serialised by
 * its rate bucket's lock, and a claimed attempt is a live row from its claim on.
 *
 * <p>A contact stopped here is never failed: it goes back to pending, its attempt unused, to wait
 * for the instant the rule frees it, moved into its allowed hours ({@code waitingFor} shows the
 * rule).
 */
final class CalleeGuard {

  /**
   * How long a contact whose number is in another live call waits before it is looked at again. why
   * a fixed wait: the other call's end is not known in advance; half a minute costs one claim.
   */
  static final Duration LIVE_ELSEWHERE_WAIT = Duration.ofSeconds(30);

  /** Wait reasons as the queue row and the API show them. */
  static final String CAPACITY = "capacity";

  static final String FREQUENCY_CAP = "frequency_cap";

  /** Opens a guard per claim. */
  static final class Factory {
    private final LiveCallRepository liveCalls;
    private final CallRecordRepository calls;
    private final QueueRepository queue;

    Factory(LiveCallRepository liveCalls, CallRecordRepository calls, QueueRepository queue) {
      this.liveCalls = liveCalls;
      this.calls = calls;
      this.queue = queue;
    }

    /** A guard for one claim, with the organization's live counts read under its lock. */
    CalleeGuard open(OrgLimits org, LiveCounts live, Instant now) {
      return new CalleeGuard(this, org, live, now);
    }
  }

  private final Factory repos;
  private final OrgLimits org;
  private final LiveCounts live;
  private final Instant now;
  private final Set<String> checked = new HashSet<>();
  private final Set<String> busy = new HashSet<>();
  private final Map<String, List<Instant>> dials = new HashMap<>();
  private final Map<HeldBack, Integer> held = new EnumMap<>(HeldBack.class);

  private CalleeGuard(Factory repos, OrgLimits org, LiveCounts live, Instant now) {
    this.repos = repos;
    this.org = org;
    this.live = live;
    this.now = now;
  }

  /**
   * The claimed contacts of one campaign that may be dialed; the others are held (back to pending
   * until their number is free) in this transaction.
   */
  List<ClaimedEntry> admit(EngineCampaign c, List<ClaimedEntry> entries) {
    if (entries.isEmpty()) {
      return entries;
    }
    // why no lookup when the organization's only live calls are this campaign's: a number is one
    // contact, a contact is once in a campaign, and a claimed contact is not in a call of it.
    load(
        entries.stream().map(ClaimedEntry::phone).toList(),
        live.organization() > live.ofCampaign(c.id()));
    List<ClaimedEntry> admitted = new ArrayList<>();
    List<QueueRepository.Hold> holds = new ArrayList<>();
    for (ClaimedEntry e : entries) {
      QueueRef ref = new QueueRef(e.contactId(), e.version());
      if (busy.contains(e.phone())) {
        Instant until = allowed(c, e, now.plus(LIVE_ELSEWHERE_WAIT));
        holds.add(new QueueRepository.Hold(ref, until, CAPACITY));
        held.merge(HeldBack.CAPACITY, 1, Integer::sum);
        continue;
      }
      Instant free = nextFree(e.phone());
      if (free.isAfter(now)) {
        holds.add(new QueueRepository.Hold(ref, allowed(c, e, free), FREQUENCY_CAP));
        held.merge(HeldBack.FREQUENCY_CAP, 1, Integer::sum);
        continue;
      }
      take(e.phone());
      admitted.add(e);
    }
    if (!holds.isEmpty()) {
      repos.queue.hold(org.organizationId(), c.id(), holds, now);
    }
    return admitted;
  }

  /** Whether a waiting single call to {@code number} may be dialed now (then it is taken). */
  boolean admitSingle(String number) {
    load(List.of(number), live.organization() > 0);
    if (busy.contains(number)) {
      return false;
    }
    if (nextFree(number).isAfter(now)) {
      held.merge(HeldBack.FREQUENCY_CAP, 1, Integer::sum);
      return false;
    }
    take(number);
    return true;
  }

  /** Due dials this guard held back, by reason (a metric). */
  Map<HeldBack, Integer> heldBack() {
    return held;
  }

  private void take(String number) {
    busy.add(number);
    if (!org.frequencyCaps().isEmpty()) {
      dials.computeIfAbsent(number, n -> new ArrayList<>()).add(now);
    }
  }

  private Instant nextFree(String number) {
    List<FrequencyCap> caps = org.frequencyCaps();
    return caps.isEmpty()
        ? now
        : FrequencyCap.nextFree(caps, dials.getOrDefault(number, List.of()), now);
  }

  /** The contact's next allowed instant at or after {@code from} (its time rules). */
  private static Instant allowed(EngineCampaign c, ClaimedEntry e, Instant from) {
    Instant open = c.rules().nextOpen(e.zoneKey(), from);
    return open == null ? from : open;
  }

  /**
   * Reads, once per claim, which of these numbers are live (only when {@code liveElsewhere}: some
   * live call could be to one of them) and when they were dialed lately (only with caps).
   */
  private void load(List<String> numbers, boolean liveElsewhere) {
    List<String> fresh = new ArrayList<>();
    for (String n : numbers) {
      if (checked.add(n)) {
        fresh.add(n);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    if (liveElsewhere) {
      busy.addAll(repos.liveCalls.liveCallees(org.organizationId(), fresh));
    }
    List<FrequencyCap> caps = org.frequencyCaps();
    if (!caps.isEmpty()) {
      repos
          .calls
          .dialsSince(org.organizationId(), fresh, now.minus(FrequencyCap.longest(caps)))
          .forEach((n, at) -> dials.computeIfAbsent(n, k -> new ArrayList<>()).addAll(at));
    }
  }
}
