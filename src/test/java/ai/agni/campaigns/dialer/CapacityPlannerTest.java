package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CapacityPlannerTest {

  static final Instant NOW = Instant.parse("2026-03-16T09:00:00.0000005Z");
  final OrgLimits org = new OrgLimits(UUID.randomUUID(), 10, 4);
  final PhoneLine line =
      new PhoneLine(UUID.randomUUID(), "+14155550100", "simulated", null, null, Map.of());

  @Test
  void slotsAreSpacedByTheRateRoundedUpToMicrosAndStayInsideTheHorizon() {
    var plan = plan(List.of(demand("a", 100, 100)), 0, Map.of());

    List<Instant> slots = plan.slots().get("a");
    assertThat(slots).hasSize(4);
    assertThat(slots.get(0)).isEqualTo(Instant.parse("2026-03-16T09:00:00.000001Z"));
    // 4 per second booked at 99 %: 1 s / 3.96 = 252,525.25 us, rounded up.
    Duration spacing = Duration.ofNanos(252_526_000);
    assertThat(CapacityPlanner.slotInterval(4)).isEqualTo(spacing);
    assertThat(Duration.between(slots.get(0), slots.get(1))).isEqualTo(spacing);
    assertThat(plan.cpsBound()).isTrue();
    assertThat(plan.nextFree().get(ThrottleBucketRepository.orgKey(org.organizationId())))
        .isEqualTo(slots.get(3).plus(spacing));
  }

  @Test
  void campaignsOfOneOrganizationShareItRoundRobin() {
    var plan = plan(List.of(demand("large", 100, 100), demand("small", 100, 100)), 0, Map.of());

    assertThat(plan.slotsOf("large")).isEqualTo(2);
    assertThat(plan.slotsOf("small")).isEqualTo(2);
  }

  @Test
  void noSlotBeyondAnyConcurrencyCap() {
    var plan = plan(List.of(demand("a", 3, 100), demand("b", 100, 100)), 9, Map.of());

    assertThat(plan.slotsOf("a") + plan.slotsOf("b")).isEqualTo(1);
  }

  @Test
  void aBusyBucketDelaysTheFirstSlot() {
    String orgKey = ThrottleBucketRepository.orgKey(org.organizationId());
    var plan = plan(List.of(demand("a", 100, 100)), 0, Map.of(orgKey, NOW.plusMillis(900)));

    assertThat(plan.slots().get("a")).hasSize(1);
  }

  private CapacityPlanner.Plan plan(
      List<CapacityPlanner.Demand> demands, int orgLive, Map<String, Instant> busy) {
    Map<String, Instant> buckets = new java.util.HashMap<>(busy);
    buckets.putIfAbsent(ThrottleBucketRepository.orgKey(org.organizationId()), NOW);
    return CapacityPlanner.plan(
        NOW, Duration.ofSeconds(1), org, orgLive, Map.of(), demands, buckets);
  }

  private CapacityPlanner.Demand demand(String key, int free, int wanted) {
    return new CapacityPlanner.Demand(key, null, 0, free, line, wanted);
  }
}
