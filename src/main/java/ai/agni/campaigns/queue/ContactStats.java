package ai.agni.campaigns.queue;

/**
 * A campaign's {@code contactStats}: counters kept in the queue's head row and changed in the same
 * transaction as every state change, so a read costs one row and is exact. {@code total = pending +
 * inProgress + successful + noAnswer + failed}; {@code contacted} = contacts with at least one
 * finished attempt.
 */
public record ContactStats(
    long total,
    long contacted,
    long successful,
    long failed,
    long noAnswer,
    long pending,
    long inProgress) {

  public static final ContactStats EMPTY = new ContactStats(0, 0, 0, 0, 0, 0, 0);

  /** The count of one state. */
  public long of(QueueState state) {
    return switch (state) {
      case PENDING -> pending;
      case IN_PROGRESS -> inProgress;
      case SUCCESSFUL -> successful;
      case NO_ANSWER -> noAnswer;
      case FAILED -> failed;
    };
  }
}
