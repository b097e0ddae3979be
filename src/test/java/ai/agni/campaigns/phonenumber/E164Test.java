package ai.agni.campaigns.phonenumber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class E164Test {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(415) 555-0100     | US | +14155550100",
        "415.555.0100       | US | +14155550100",
        "1 415 555 0100     | US | +14155550100",
        "+1 415-555-0100    | GB | +14155550100",
        "020 7946 0018      | GB | +442079460018",
        "07911 123456       | GB | +447911123456",
        "+44 20 7946 0018   | US | +442079460018",
        "098765 43210       | IN | +919876543210",
        "98765 43210        | IN | +919876543210",
        "+91 98765 43210    | US | +919876543210",
        "0044 20 7946 0018  | GB | +442079460018",
        "(415) 555-0100     | us | +14155550100"
      })
  void normalisesNationalAndInternationalForms(String input, String region, String expected) {
    assertThat(E164.normalize(input, region)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "12345",
        "not a number",
        "+1 415 555 01",
        "+999 1234567",
        "020 7946 0018 ext",
        "+1415555010000000000000000000000000000000000000000000000000000000000"
      })
  void rejectsInvalidInput(String input) {
    assertThat(E164.normalize(input, "US")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"US", "gb", "IN"})
  void knowsRegions(String region) {
    assertThat(E164.isKnownRegion(region)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "", "USA"})
  void rejectsUnknownRegions(String region) {
    assertThat(E164.isKnownRegion(region)).isFalse();
  }
}
