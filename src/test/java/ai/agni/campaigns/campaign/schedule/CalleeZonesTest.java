package ai.agni.campaigns.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A callee's zones: a valid contact timezone wins, else the number's zones, else none. */
class CalleeZonesTest {

  private static List<ZoneId> zones(String... ids) {
    return java.util.Arrays.stream(ids).map(ZoneId::of).toList();
  }

  @Test
  void aValidTimezoneWins() {
    assertThat(CalleeZones.resolve("Europe/Paris", "+12125550100"))
        .isEqualTo(zones("Europe/Paris"));
    assertThat(CalleeZones.resolve(" Asia/Tokyo ", null)).isEqualTo(zones("Asia/Tokyo"));
  }

  @Test
  void anInvalidOrMissingTimezoneFallsBackToTheNumber() {
    assertThat(CalleeZones.resolve("Mars/Olympus", "+12125550100"))
        .isEqualTo(zones("America/New_York"));
    assertThat(CalleeZones.resolve(null, "+12125550100")).isEqualTo(zones("America/New_York"));
    assertThat(CalleeZones.resolve("  ", "+13125550100")).isEqualTo(zones("America/Chicago"));
    assertThat(CalleeZones.resolve(null, "+61291234567")).isEqualTo(zones("Australia/Sydney"));
  }

  @Test
  void anUnparsableOrMissingNumberHasNoZones() {
    assertThat(CalleeZones.resolve(null, "not a number")).isEmpty();
    assertThat(CalleeZones.resolve("Mars/Olympus", "+")).isEmpty();
    assertThat(CalleeZones.resolve(null, null)).isEmpty();
    assertThat(CalleeZones.keyOf(null, "garbage")).isEmpty();
  }

  @Test
  void keysAreSortedAndParseBack() {
    List<ZoneId> unsorted = zones("America/New_York", "America/Chicago", "Europe/London");
    String key = CalleeZones.key(unsorted);
    assertThat(key).isEqualTo("America/Chicago America/New_York Europe/London");
    assertThat(CalleeZones.parse(key))
        .isEqualTo(zones("America/Chicago", "America/New_York", "Europe/London"));
    assertThat(CalleeZones.key(List.of())).isEmpty();
    assertThat(CalleeZones.parse("")).isEmpty();
    assertThat(CalleeZones.parse(null)).isEmpty();
    assertThat(CalleeZones.parse(" Asia/Tokyo  Mars/Olympus Europe/Paris "))
        .isEqualTo(zones("Asia/Tokyo", "Europe/Paris"));
    assertThat(CalleeZones.keyOf(null, "+12125550100")).isEqualTo("America/New_York");
  }

  @Test
  void aNumberOfSeveralZonesGivesThemAllSorted() {
    // A US toll-free number belongs to no one area: libphonenumber gives every US zone.
    List<ZoneId> tollFree = CalleeZones.resolve(null, "+18002345678");
    assertThat(tollFree).hasSizeGreaterThan(1);
    List<String> ids = tollFree.stream().map(ZoneId::getId).toList();
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(CalleeZones.parse(CalleeZones.key(tollFree))).isEqualTo(tollFree);
  }

  @Test
  void aKeyTooLongIsNone() {
    List<ZoneId> every = ZoneId.getAvailableZoneIds().stream().map(ZoneId::of).toList();
    assertThat(CalleeZones.key(every)).isEmpty();
  }
}
