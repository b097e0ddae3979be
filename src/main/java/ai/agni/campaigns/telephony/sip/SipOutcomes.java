package ai.agni.campaigns.telephony.sip;

import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallResult.Disposition;

/**
 * What a final answer to the contact's INVITE means (docs/api.md §11; the full table is in
 * docs/telephony.md). Pure, so every code is tested.
 */
final class SipOutcomes {

  /** How the contact leg ended, before timestamps. */
  record Ending(CallOutcome outcome, String reason, boolean retryable, Disposition disposition) {}

  static final String RING_TIMEOUT = "ring_timeout";
  static final String TRUNK_UNAVAILABLE = "trunk_unavailable";
  static final String TRUNK_AUTH_FAILED = "trunk_auth_failed";
  static final String INVALID_NUMBER = "invalid_number";
  static final String AGENT_UNAVAILABLE = "agent_unavailable";
  static final String CALLEE_HANGUP = "callee_hangup";
  static final String AGENT_HANGUP = "agent_hangup";
  static final String MAX_DURATION = "max_duration";

  private SipOutcomes() {}

  /**
   * A final non-2xx answer to the contact's INVITE (a 401/407 here is one the credentials could not
   * satisfy: the caller answers a first challenge itself).
   *
   * @param cancelled whether we had sent CANCEL (ring timeout): its 487 is a {@code ring_timeout}
   */
  static Ending ofFinalResponse(int code, boolean cancelled) {
    if (cancelled) {
      return new Ending(CallOutcome.NO_ANSWER, RING_TIMEOUT, true, Disposition.ATTEMPT);
    }
    return switch (code) {
      case 486, 600, 603 -> attempt(CallOutcome.BUSY, "sip_" + code, true);
      case 408, 480, 487 -> attempt(CallOutcome.NO_ANSWER, "sip_" + code, true);
      case 404, 410, 484, 604 -> attempt(CallOutcome.FAILED, INVALID_NUMBER, false);
      case 401, 407 ->
          new Ending(CallOutcome.FAILED, TRUNK_AUTH_FAILED, true, Disposition.LINE_AUTH_FAILED);
      case 502, 503, 504 ->
          new Ending(CallOutcome.FAILED, TRUNK_UNAVAILABLE, true, Disposition.LINE_UNAVAILABLE);
      default -> attempt(CallOutcome.FAILED, "sip_" + code, true);
    };
  }

  /** No answer at all to the INVITE (timer B), or the trunk could not be reached. */
  static Ending unreachable(boolean cancelled) {
    return cancelled
        ? new Ending(CallOutcome.NO_ANSWER, RING_TIMEOUT, true, Disposition.ATTEMPT)
        : new Ending(CallOutcome.FAILED, TRUNK_UNAVAILABLE, true, Disposition.LINE_UNAVAILABLE);
  }

  /**
   * The agent's word on an answered call ({@code X-Agni-Outcome}): {@code voicemail} or {@code
   * completed}; anything else (or nothing) is {@code completed}.
   */
  static CallOutcome agentOutcome(String header) {
    if (header != null && header.trim().equalsIgnoreCase("voicemail")) {
      return CallOutcome.VOICEMAIL;
    }
    return CallOutcome.COMPLETED;
  }

  /** The agent's reason ({@code X-Agni-Reason}) if it is short plain text, else the fallback. */
  static String agentReason(String header, String fallback) {
    if (header == null) {
      return fallback;
    }
    String reason = header.trim();
    if (reason.isEmpty() || reason.length() > 100 || !reason.matches("[\\x20-\\x7e]+")) {
      return fallback;
    }
    return reason;
  }

  /** The provider detail of a final answer: {@code SIP 486 Busy Here}, at most 200 characters. */
  static String detail(int code, String phrase) {
    String text = "SIP " + code + (phrase == null || phrase.isBlank() ? "" : " " + phrase.trim());
    text = text.replaceAll("[\\x00-\\x1f\\x7f]", " ");
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  private static Ending attempt(CallOutcome outcome, String reason, boolean retryable) {
    return new Ending(outcome, reason, retryable, Disposition.ATTEMPT);
  }
}
