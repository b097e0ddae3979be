package ai.agni.campaigns.campaign.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A campaign's per-outcome retry policy ({@code schedule.retryPolicy}, column {@code
 * campaigns.retry_policy}): for each outcome given, whether it is retried and the gaps before the
 * 1st, 2nd, ... retry. An outcome without a rule retries after {@code retryGapMin}; {@code
 * retryAttempts} stays the one budget shared by all outcomes. Outcomes are named as in the API:
 * {@code no_answer}, {@code busy}, {@code voicemail}, {@code failed}.
 *
 * @param byOutcome the rules given, in the order of {@link #OUTCOMES}; empty is {@link #none()}
 */
public record RetryRules(Map<String, OutcomeRule> byOutcome) {

  public static final String NO_ANSWER = "no_answer";
  public static final String BUSY = "busy";
  public static final String VOICEMAIL = "voicemail";
  public static final String FAILED = "failed";

  /** The outcomes a rule may be given for, in the order they are written. */
  public static final List<String> OUTCOMES = List.of(NO_ANSWER, BUSY, VOICEMAIL, FAILED);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RetryRules NONE = new RetryRules(Map.of());

  /**
   * One outcome's rule.
   *
   * @param retry whether a contact with this outcome is called again
   * @param gapsMin minutes before the n-th retry ({@code gapsMin[n-1]}, the last one repeating);
   *     null when not given ({@code retryGapMin} applies)
   */
  public record OutcomeRule(boolean retry, List<Integer> gapsMin) {

    public OutcomeRule {
      gapsMin = gapsMin == null || gapsMin.isEmpty() ? null : List.copyOf(gapsMin);
    }
  }

  public RetryRules {
    Map<String, OutcomeRule> ordered = new LinkedHashMap<>();
    for (String outcome : OUTCOMES) {
      OutcomeRule rule = byOutcome.get(outcome);
      if (rule != null) {
        ordered.put(outcome, rule);
      }
    }
    for (String outcome : byOutcome.keySet()) {
      if (!OUTCOMES.contains(outcome)) {
        throw new IllegalArgumentException(
            "Unknown outcome " + outcome + "; one of " + String.join(", ", OUTCOMES));
      }
    }
    byOutcome = Collections.unmodifiableMap(ordered);
  }

  /** No rule at all: every outcome retries with {@code retryGapMin}. */
  public static RetryRules none() {
    return NONE;
  }

  public boolean isNone() {
    return byOutcome.isEmpty();
  }

  /** Whether a contact whose attempt ended with {@code outcome} may be retried (budget aside). */
  public boolean retries(String outcome) {
    OutcomeRule rule = byOutcome.get(outcome);
    return rule == null || rule.retry();
  }

  /**
   * Minutes to wait before retry number {@code retryNumber} (1 = the first retry, i.e. the second
   * attempt) after {@code outcome}: {@code gapsMin[retryNumber-1]}, the last gap repeating; {@code
   * retryGapMin} when the outcome has no rule or no gaps.
   */
  public int gapMinutes(String outcome, int retryNumber, int retryGapMin) {
    if (retryNumber < 1) {
      throw new IllegalArgumentException("retryNumber starts at 1, was " + retryNumber);
    }
    OutcomeRule rule = byOutcome.get(outcome);
    if (rule == null || rule.gapsMin() == null) {
      return retryGapMin;
    }
    List<Integer> gaps = rule.gapsMin();
    return gaps.get(Math.min(retryNumber, gaps.size()) - 1);
  }

  /**
   * The rules of a {@code campaigns.retry_policy} value; null or blank is {@link #none()}.
   *
   * @throws IllegalArgumentException when the text is not such a policy
   */
  public static RetryRules parse(String json) {
    if (json == null || json.isBlank()) {
      return NONE;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException malformed) {
      throw new IllegalArgumentException("Not a retry policy: " + json, malformed);
    }
    if (!(root instanceof ObjectNode object)) {
      throw new IllegalArgumentException("Not a retry policy object: " + json);
    }
    Map<String, OutcomeRule> rules = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      JsonNode rule = entry.getValue();
      if (!rule.isObject() || !rule.path("retry").isBoolean()) {
        throw new IllegalArgumentException("Not a retry rule: " + entry.getKey() + " in " + json);
      }
      List<Integer> gaps = null;
      JsonNode gapsNode = rule.get("gapsMin");
      if (gapsNode != null && !gapsNode.isNull()) {
        if (!gapsNode.isArray()) {
          throw new IllegalArgumentException("gapsMin is not an array in " + json);
        }
        gaps = new ArrayList<>();
        for (JsonNode gap : gapsNode) {
          if (!gap.canConvertToInt() || !gap.isIntegralNumber()) {
            throw new IllegalArgumentException("gapsMin holds a non-integer in " + json);
          }
          gaps.add(gap.intValue());
        }
      }
      rules.put(entry.getKey(), new OutcomeRule(rule.get("retry").booleanValue(), gaps));
    }
    return new RetryRules(rules);
  }

  /**
   * The policy as kept in {@code campaigns.retry_policy} and shown by the API: {@code
   * {"no_answer":{"retry":true,"gapsMin":[5,60]},"busy":{"retry":false}}}, only the outcomes given,
   * {@code gapsMin} left out when not given; {@code {}} for {@link #none()}.
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    byOutcome.forEach(
        (outcome, rule) -> {
          ObjectNode one = root.putObject(outcome);
          one.put("retry", rule.retry());
          if (rule.gapsMin() != null) {
            ArrayNode gaps = one.putArray("gapsMin");
            rule.gapsMin().forEach(gaps::add);
          }
        });
    return JSON.writeValueAsString(root);
  }
}
