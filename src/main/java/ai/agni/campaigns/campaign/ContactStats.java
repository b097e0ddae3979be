package ai.agni.campaigns.campaign;

/**
 * The campaign's {@code contactStats}, counted from {@code campaign_contacts} at every read: {@code
 * total = pending + inProgress + successful + noAnswer + failed}; {@code contacted} = contacts with
 * at least one finished attempt.
 */
record ContactStats(
    long total,
    long contacted,
    long successful,
    long failed,
    long noAnswer,
    long pending,
    long inProgress) {

  static final ContactStats EMPTY = new ContactStats(0, 0, 0, 0, 0, 0, 0);

  /** Adds the rows of one state with their count of contacted contacts. */
  ContactStats plus(String state, long count, long contactedCount) {
    return new ContactStats(
        total + count,
        contacted + contactedCount,
        successful + (state.equals("successful") ? count : 0),
        failed + (state.equals("failed") ? count : 0),
        noAnswer + (state.equals("no_answer") ? count : 0),
        pending + (state.equals("pending") ? count : 0),
        inProgress + (state.equals("in_progress") ? count : 0));
  }
}
