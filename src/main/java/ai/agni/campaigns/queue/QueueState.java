package ai.agni.campaigns.queue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one contact in a campaign's queue, and the one table of allowed moves: a claim takes
 * a pending contact into a call; the call's end puts it back to pending (a retry, or a claim never
 * dialed) or makes it final. Final states never move.
 */
public enum QueueState {
  PENDING("pending"),
  IN_PROGRESS("in_progress"),
  SUCCESSFUL("successful"),
  NO_ANSWER("no_answer"),
  FAILED("failed");

  private static final Map<QueueState, Set<QueueState>> ALLOWED =
      Map.of(
          PENDING, EnumSet.of(IN_PROGRESS),
          IN_PROGRESS, EnumSet.of(PENDING, SUCCESSFUL, NO_ANSWER, FAILED),
          SUCCESSFUL, EnumSet.noneOf(QueueState.class),
          NO_ANSWER, EnumSet.noneOf(QueueState.class),
          FAILED, EnumSet.noneOf(QueueState.class));

  private final String wire;

  QueueState(String wire) {
    this.wire = wire;
  }

  /** The value in the database and in the API's {@code status} of a campaign contact. */
  public String wire() {
    return wire;
  }

  public boolean isFinal() {
    return ALLOWED.get(this).isEmpty();
  }

  public static boolean isAllowed(QueueState from, QueueState to) {
    return ALLOWED.get(from).contains(to);
  }

  /** Throws unless the move is allowed: a caller asking for another move indicates a bug. */
  static void check(QueueState from, QueueState to) {
    if (!isAllowed(from, to)) {
      throw new IllegalStateException("Indicates a bug: queue move " + from + " -> " + to);
    }
  }

  /** Parses the wire value; null for an unknown one. */
  public static QueueState parse(String value) {
    for (QueueState state : values()) {
      if (state.wire.equals(value)) {
        return state;
      }
    }
    return null;
  }

  static QueueState fromDatabase(String value) {
    QueueState state = parse(value);
    if (state == null) {
      throw new IllegalStateException("unknown queue state " + value);
    }
    return state;
  }
}
