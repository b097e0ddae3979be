package ai.agni.campaigns.telephony.simulated;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the simulated carrier under {@code agni.simulated.*}, validated at start-up so a
 * mistyped mix stops the application with a message naming the property.
 *
 * @param outcomes the outcome mix, e.g. {@code completed:0.6,no_answer:0.2,busy:0.1,...}
 * @param ringMs mean ring time before an answer, busy or failure (milliseconds)
 * @param talkMs mean talk time of an answered call (milliseconds)
 * @param seed a whole number for reproducible calls; empty picks a random seed per process
 */
@ConfigurationProperties("agni.simulated")
public record SimulatedProperties(String outcomes, Long ringMs, Long talkMs, String seed) {

  public static final String DEFAULT_OUTCOMES =
      "completed:0.6,no_answer:0.2,busy:0.1,voicemail:0.05,failed:0.05";

  public SimulatedProperties {
    outcomes = outcomes == null ? DEFAULT_OUTCOMES : outcomes;
    ringMs = ringMs == null ? 3000L : ringMs;
    talkMs = talkMs == null ? 20000L : talkMs;
    seed = seed == null ? "" : seed.trim();
    OutcomeMix.parse(outcomes);
    if (ringMs < 0) {
      throw new IllegalArgumentException("agni.simulated.ring-ms must be ≥ 0: " + ringMs);
    }
    if (talkMs < 0) {
      throw new IllegalArgumentException("agni.simulated.talk-ms must be ≥ 0: " + talkMs);
    }
    if (!seed.isEmpty()) {
      parseSeed(seed);
    }
  }

  /** The documented defaults (docs/api.md §9) with a fixed seed, for tests and tools. */
  public static SimulatedProperties withSeed(long seed) {
    return new SimulatedProperties(null, null, null, Long.toString(seed));
  }

  private static long parseSeed(String seed) {
    try {
      return Long.parseLong(seed);
    } catch (NumberFormatException e) { // the message says all; the cause would hide it
      throw new IllegalArgumentException(
          "agni.simulated.seed must be a whole 64-bit number or empty: '" + seed + "'");
    }
  }

  /** The configured seed, or null when each process picks its own. */
  Long fixedSeed() {
    return seed.isEmpty() ? null : parseSeed(seed);
  }
}
