package ai.agni.campaigns.dialer;

import java.util.Locale;

/**
 * Why the engine did not dial a due contact when it could have otherwise (the {@code reason} tag of
 * {@code agni.dialer.held.back}, docs/api.md §13.3).
 */
enum HeldBack {
  /** A claimed attempt given back at its slot because the callee's window had closed meanwhile. */
  WINDOW,
  /**
   * A due contact left unclaimed at a poll: a concurrency cap is full; or a claimed one held
   * because its number was in another live call.
   */
  CAPACITY,
  /**
   * A due contact left unclaimed at a poll because a calls-per-second bucket had no slot within the
   * claim horizon, or a claimed call that reached its slot while a rate window was full and waited.
   */
  CPS,
  /** A claimed contact or waiting single call held because a frequency cap was full. */
  FREQUENCY_CAP,
  /** A claimed attempt given back at its slot because the organization's calling hours closed. */
  CALLING_HOURS;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
