package ai.agni.campaigns.telephony.simulated;

import ai.agni.campaigns.telephony.CallOutcome;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The simulated carrier's outcome probabilities, parsed from {@code
 * completed:0.6,no_answer:0.2,...}: known outcome names only, each at most once, weights ≥ 0 with a
 * positive sum, normalised so they need not add up to 1. Unnamed outcomes never happen.
 */
final class OutcomeMix {

  private static final String KNOWN =
      Arrays.stream(CallOutcome.values())
          .map(CallOutcome::apiName)
          .collect(Collectors.joining(", "));

  private final Map<CallOutcome, Double> probabilities;

  private OutcomeMix(Map<CallOutcome, Double> probabilities) {
    this.probabilities = probabilities;
  }

  /** Parses the mix or throws {@link IllegalArgumentException} saying what is wrong. */
  static OutcomeMix parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("is empty; expected e.g. completed:0.6,no_answer:0.4");
    }
    Map<CallOutcome, Double> weights = new EnumMap<>(CallOutcome.class);
    for (String pair : text.split(",")) {
      String[] parts = pair.trim().split(":", -1);
      if (parts.length != 2) {
        throw invalid("'" + pair.trim() + "' is not outcome:weight");
      }
      CallOutcome outcome = outcome(parts[0].trim());
      if (weights.put(outcome, weight(parts[0].trim(), parts[1].trim())) != null) {
        throw invalid("'" + outcome.apiName() + "' is given twice");
      }
    }
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    if (!(sum > 0) || Double.isInfinite(sum)) {
      throw invalid("weights must add up to more than 0");
    }
    weights.replaceAll((outcome, weight) -> weight / sum);
    return new OutcomeMix(weights);
  }

  /** The outcome whose cumulative share contains {@code uniform}, a draw in [0, 1). */
  CallOutcome draw(double uniform) {
    double cumulative = 0;
    CallOutcome last = null;
    for (Map.Entry<CallOutcome, Double> entry : probabilities.entrySet()) {
      if (entry.getValue() == 0) {
        continue;
      }
      last = entry.getKey();
      cumulative += entry.getValue();
      if (uniform < cumulative) {
        return last;
      }
    }
    return last; // rounding left the sum a hair below 1
  }

  /** The normalised probability of {@code outcome}. */
  double probability(CallOutcome outcome) {
    return probabilities.getOrDefault(outcome, 0.0);
  }

  private static CallOutcome outcome(String name) {
    for (CallOutcome outcome : CallOutcome.values()) {
      if (outcome.apiName().equals(name.toLowerCase(Locale.ROOT))) {
        return outcome;
      }
    }
    throw invalid("unknown outcome '" + name + "'; known: " + KNOWN);
  }

  private static double weight(String name, String text) {
    double weight;
    try {
      weight = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw invalid("weight of '" + name + "' is not a number: '" + text + "'");
    }
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw invalid("weight of '" + name + "' must be a finite number ≥ 0: " + text);
    }
    return weight;
  }

  private static IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException("agni.simulated.outcomes " + problem);
  }
}
