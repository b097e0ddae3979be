package ai.agni.campaigns.telephony;

import java.util.Locale;

/** The closed set of ways a call attempt ends, as the contract names them. */
public enum CallOutcome {
  COMPLETED,
  NO_ANSWER,
  BUSY,
  VOICEMAIL,
  FAILED;

  /** The contract's spelling: {@code no_answer}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
