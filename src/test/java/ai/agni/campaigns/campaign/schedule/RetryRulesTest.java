package ai.agni.campaigns.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-outcome retry rules: the column's JSON, whether an outcome retries, and its gaps. */
class RetryRulesTest {

  private static final String POLICY =
      "{\"no_answer\":{\"retry\":true,\"gapsMin\":[5,60]},\"busy\":{\"retry\":false}}";

  @Test
  void parsesAndWritesTheColumnExactly() {
    RetryRules rules = RetryRules.parse(POLICY);
    assertThat(rules.byOutcome())
        .containsExactly(
            Map.entry("no_answer", new RetryRules.OutcomeRule(true, List.of(5, 60))),
            Map.entry("busy", new RetryRules.OutcomeRule(false, null)));
    assertThat(rules.toJson()).isEqualTo(POLICY);
    assertThat(RetryRules.parse(rules.toJson())).isEqualTo(rules);
  }

  @Test
  void writesTheOutcomesInTheirFixedOrderWhateverTheOrderGiven() {
    Map<String, RetryRules.OutcomeRule> given = new LinkedHashMap<>();
    given.put("failed", new RetryRules.OutcomeRule(false, null));
    given.put("voicemail", new RetryRules.OutcomeRule(true, List.of(1440)));
    given.put("no_answer", new RetryRules.OutcomeRule(true, List.of()));
    assertThat(new RetryRules(given).toJson())
        .isEqualTo(
            "{\"no_answer\":{\"retry\":true},\"voicemail\":{\"retry\":true,\"gapsMin\":[1440]},"
                + "\"failed\":{\"retry\":false}}");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "{}"})
  void nothingIsNone(String column) {
    RetryRules rules = RetryRules.parse(column);
    assertThat(rules).isEqualTo(RetryRules.none());
    assertThat(rules.isNone()).isTrue();
    assertThat(rules.toJson()).isEqualTo("{}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "not json",
        "{\"busy\":true}",
        "{\"busy\":{}}",
        "{\"busy\":{\"retry\":\"yes\"}}",
        "{\"busy\":{\"retry\":true,\"gapsMin\":5}}",
        "{\"busy\":{\"retry\":true,\"gapsMin\":[1.5]}}",
        "{\"engaged\":{\"retry\":true}}"
      })
  void refusesWhatIsNotAPolicy(String column) {
    assertThatThrownBy(() -> RetryRules.parse(column)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOutcomeRetriesUnlessItsRuleSaysNo() {
    RetryRules rules = RetryRules.parse(POLICY);
    assertThat(rules.retries("no_answer")).isTrue();
    assertThat(rules.retries("busy")).isFalse();
    assertThat(rules.retries("voicemail")).isTrue();
    assertThat(rules.retries("failed")).isTrue();
    for (String outcome : RetryRules.OUTCOMES) {
      assertThat(RetryRules.none().retries(outcome)).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}, retry {1} with retryGapMin 30 waits {2} min")
  @CsvSource({
    "no_answer, 1, 5",
    "no_answer, 2, 60",
    "no_answer, 3, 60",
    "no_answer, 10, 60",
    "busy, 1, 30",
    "busy, 4, 30",
    "voicemail, 1, 30",
    "failed, 2, 30",
  })
  void theNthRetryWaitsTheNthGapAndTheLastRepeats(String outcome, int retry, int minutes) {
    assertThat(RetryRules.parse(POLICY).gapMinutes(outcome, retry, 30)).isEqualTo(minutes);
  }

  @Test
  void withoutAPolicyEveryRetryWaitsRetryGapMin() {
    for (String outcome : RetryRules.OUTCOMES) {
      assertThat(RetryRules.none().gapMinutes(outcome, 1, 45)).isEqualTo(45);
      assertThat(RetryRules.none().gapMinutes(outcome, 7, 45)).isEqualTo(45);
    }
  }

  @Test
  void retriesAreCountedFromOne() {
    assertThatThrownBy(() -> RetryRules.parse(POLICY).gapMinutes("no_answer", 0, 30))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRuleCannotBeChangedAfterwards() {
    List<Integer> gaps = Arrays.asList(5, 10);
    RetryRules.OutcomeRule rule = new RetryRules.OutcomeRule(true, gaps);
    gaps.set(0, 99);
    assertThat(rule.gapsMin()).containsExactly(5, 10);
    RetryRules rules = new RetryRules(Map.of("busy", rule));
    assertThatThrownBy(() -> rules.byOutcome().put("failed", rule))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
