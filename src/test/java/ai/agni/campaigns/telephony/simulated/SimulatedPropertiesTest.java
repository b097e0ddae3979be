package ai.agni.campaigns.telephony.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.agni.campaigns.telephony.CallOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The carrier's settings fail start-up with a message naming the property and the problem. */
class SimulatedPropertiesTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SimulatedProperties.class)
  static class Settings {}

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "completed:0.6,hangup:0.4 | unknown outcome 'hangup'; known: completed, no_answer, busy,"
            + " voicemail, failed",
        "completed:-0.1,busy:1 | weight of 'completed' must be a finite number ≥ 0",
        "completed:0,busy:0 | weights must add up to more than 0",
        "completed:lots | weight of 'completed' is not a number: 'lots'",
        "completed | 'completed' is not outcome:weight",
        "completed:0.5,,busy:0.5 | '' is not outcome:weight",
        "completed:0.5,completed:0.5 | 'completed' is given twice",
        "completed:NaN | must be a finite number ≥ 0",
      })
  void invalidMixesStopStartUp(String mix, String problem) {
    context
        .withPropertyValues("agni.simulated.outcomes=" + mix)
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("agni.simulated.outcomes")
                    .hasMessageContaining(problem));
  }

  @Test
  void invalidSeedOrDurationsStopStartUp() {
    context
        .withPropertyValues("agni.simulated.seed=abc")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("agni.simulated.seed must be a whole 64-bit number"));
    assertThatThrownBy(() -> new SimulatedProperties(null, -1L, null, null))
        .hasMessageContaining("agni.simulated.ring-ms must be ≥ 0");
    assertThatThrownBy(() -> new SimulatedProperties(null, null, -1L, null))
        .hasMessageContaining("agni.simulated.talk-ms must be ≥ 0");
  }

  @Test
  void theContractDefaultsBindAndAnEmptySeedMeansRandom() {
    context
        .withPropertyValues(
            "agni.simulated.outcomes=completed:0.6,no_answer:0.2,busy:0.1,voicemail:0.05,failed:0.05",
            "agni.simulated.ring-ms=3000",
            "agni.simulated.talk-ms=20000",
            "agni.simulated.seed=")
        .run(
            started -> {
              SimulatedProperties properties = started.getBean(SimulatedProperties.class);
              assertThat(properties.ringMs()).isEqualTo(3000);
              assertThat(properties.talkMs()).isEqualTo(20000);
              assertThat(properties.fixedSeed()).isNull();
            });
  }

  @Test
  void weightsAreNormalisedAndNamesMayBeSpacedOrUpperCase() {
    OutcomeMix mix = OutcomeMix.parse(" COMPLETED : 6 , busy:2,Failed:2 ");
    assertThat(mix.probability(CallOutcome.COMPLETED)).isCloseTo(0.6, within(1e-9));
    assertThat(mix.probability(CallOutcome.BUSY)).isCloseTo(0.2, within(1e-9));
    assertThat(mix.probability(CallOutcome.NO_ANSWER)).isZero();
    assertThat(mix.draw(0.0)).isEqualTo(CallOutcome.COMPLETED);
    assertThat(mix.draw(0.7)).isEqualTo(CallOutcome.BUSY);
    assertThat(mix.draw(0.9999999999)).isEqualTo(CallOutcome.FAILED);
  }
}
