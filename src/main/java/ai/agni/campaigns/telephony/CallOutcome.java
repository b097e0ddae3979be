package ai.agni.campaigns.telephony;

import java.util.Locale;

/** The closed set of ways a call attempt ends, as docs/api.md §6.8 names them. */
public enum CallOutcome {
  COMPLETED,
  NO_ANSWER,
  BUSY,
  VOICEMAIL,
  FAILED;

  /** The API's spelling (docs/api.md §6.8): {@code no_answer}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
