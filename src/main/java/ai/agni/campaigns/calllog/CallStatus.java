package ai.agni.campaigns.calllog;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The status of a call row (a call session) and its allowed moves: queued (a single call waiting
 * for capacity) → ringing → in_progress (answered) → an outcome; any live status may end in an
 * outcome directly. Outcomes never move.
 */
public enum CallStatus {
  QUEUED("queued"),
  RINGING("ringing"),
  IN_PROGRESS("in_progress"),
  COMPLETED("completed"),
  NO_ANSWER("no_answer"),
  BUSY("busy"),
  VOICEMAIL("voicemail"),
  FAILED("failed");

  static final Set<CallStatus> LIVE = EnumSet.of(QUEUED, RINGING, IN_PROGRESS);
  private static final Set<CallStatus> OUTCOMES = EnumSet.complementOf(EnumSet.copyOf(LIVE));

  private static final Map<CallStatus, Set<CallStatus>> ALLOWED =
      Map.of(
          QUEUED, union(EnumSet.of(RINGING), OUTCOMES),
          RINGING, union(EnumSet.of(IN_PROGRESS), OUTCOMES),
          IN_PROGRESS, OUTCOMES,
          COMPLETED, Set.of(),
          NO_ANSWER, Set.of(),
          BUSY, Set.of(),
          VOICEMAIL, Set.of(),
          FAILED, Set.of());

  private final String wire;

  CallStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static boolean isAllowed(CallStatus from, CallStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /** The call status an outcome's wire value ends in ({@code completed}, {@code busy}, ...). */
  public static CallStatus ofOutcome(String outcome) {
    for (CallStatus status : OUTCOMES) {
      if (status.wire.equals(outcome)) {
        return status;
      }
    }
    throw new IllegalArgumentException("not an outcome: " + outcome);
  }

  /** The SQL list of live statuses, for guards: {@code status IN (...)}. */
  static String liveList() {
    return LIVE.stream().map(s -> "'" + s.wire + "'").collect(Collectors.joining(", "));
  }

  private static Set<CallStatus> union(Set<CallStatus> a, Set<CallStatus> b) {
    EnumSet<CallStatus> out = EnumSet.noneOf(CallStatus.class);
    out.addAll(a);
    out.addAll(b);
    return out;
  }
}
