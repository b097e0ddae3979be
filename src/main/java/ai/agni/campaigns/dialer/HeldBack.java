package ai.agni.campaigns.dialer;

import java.util.Locale;

/**
 * Why the engine did not dial a due contact when it could have otherwise (the {@code reason} tag of
 * {@code agni.dialer.held.back}, docs/operations.md). {@link #FREQUENCY_CAP} and {@link
 * #CALLING_HOURS} belong to the organization rules of docs/api.md §12 and stay at 0 until those are
 * built.
 */
enum HeldBack {
  /** A claimed attempt given back at its slot because the window had closed meanwhile. */
  WINDOW,
  /** A due contact left unclaimed at a poll: a concurrency cap is full. */
  CAPACITY,
  /**
   * A due contact left unclaimed at a poll because a calls-per-second bucket had no slot within the
   * claim horizon, or a claimed call that reached its slot while a rate window was full and waited.
   */
  CPS,
  FREQUENCY_CAP,
  CALLING_HOURS;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
