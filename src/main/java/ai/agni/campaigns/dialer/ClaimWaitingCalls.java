package ai.agni.campaigns.dialer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The create-call side of one organization's claim: waiting single calls become demands (one per
 * number, in arrival order) next to the campaigns, and the planned ones are claimed for this node.
 */
final class ClaimWaitingCalls {

  private final Map<UUID, List<AdHocCallRepository.Waiting>> byLine = new LinkedHashMap<>();
  private final Map<UUID, List<AdHocCallRepository.Waiting>> claimed = new LinkedHashMap<>();

  ClaimWaitingCalls(List<AdHocCallRepository.Waiting> waiting) {
    for (AdHocCallRepository.Waiting w : waiting) {
      byLine.computeIfAbsent(w.line().id(), id -> new ArrayList<>()).add(w);
    }
  }

  static String key(UUID lineId) {
    return "adhoc:" + lineId;
  }

  List<String> lineBucketKeys() {
    return byLine.values().stream()
        .map(list -> list.get(0).line())
        .filter(line -> line.maxCps() != null)
        .map(line -> ThrottleBucketRepository.lineKey(line.id()))
        .toList();
  }

  /** Demands for the planner: all waiting calls, or only the claimed ones on a re-plan. */
  List<CapacityPlanner.Demand> demands(boolean claimedOnly) {
    List<CapacityPlanner.Demand> out = new ArrayList<>();
    byLine.forEach(
        (lineId, list) -> {
          int wanted = claimedOnly ? claimed.getOrDefault(lineId, List.of()).size() : list.size();
          out.add(
              new CapacityPlanner.Demand(
                  key(lineId), null, 0, Integer.MAX_VALUE, list.get(0).line(), wanted));
        });
    return out;
  }

  /** Claims the planned calls; true when some were taken by another node first. */
  boolean claim(CapacityPlanner.Plan plan, AdHocCallRepository repository, String node) {
    boolean lost = false;
    for (Map.Entry<UUID, List<AdHocCallRepository.Waiting>> entry : byLine.entrySet()) {
      int planned = plan.slotsOf(key(entry.getKey()));
      List<AdHocCallRepository.Waiting> mine = new ArrayList<>();
      for (AdHocCallRepository.Waiting w : entry.getValue().subList(0, planned)) {
        if (repository.claim(w.sessionId(), node)) {
          mine.add(w);
        } else {
          lost = true;
        }
      }
      claimed.put(entry.getKey(), mine);
    }
    return lost;
  }

  List<ClaimedAttempt> attempts(UUID organizationId, CapacityPlanner.Plan plan) {
    List<ClaimedAttempt> out = new ArrayList<>();
    claimed.forEach(
        (lineId, list) -> {
          List<Instant> slots = plan.slots().getOrDefault(key(lineId), List.of());
          for (int i = 0; i < list.size(); i++) {
            AdHocCallRepository.Waiting w = list.get(i);
            out.add(
                new ClaimedAttempt(
                    w.sessionId(),
                    organizationId,
                    null,
                    null,
                    w.agentId(),
                    w.line(),
                    1,
                    0,
                    w.to(),
                    Map.of(),
                    slots.get(i),
                    w.ringTimeout(),
                    w.maxDuration(),
                    null));
          }
        });
    return out;
  }
}
