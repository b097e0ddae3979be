package ai.agni.campaigns.campaign.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Pure window math over {@code java.time}: is a call allowed at an instant, and when is the next
 * moment it is. The zone is a parameter (the campaign's today, a contact's later).
 */
public final class CallingWindow {

  private CallingWindow() {}

  /** Whether a call may start at {@code at}: inside bounds, on an allowed day's window. */
  public static boolean isOpen(DailyWindow window, ZoneId zone, Instant at) {
    throw new UnsupportedOperationException("implemented in the schedule work");
  }

  /**
   * The earliest instant at or after {@code from} at which {@link #isOpen} is true, or empty when
   * there is none (the window never opens again before {@code notAfter}).
   */
  public static Optional<Instant> nextOpen(DailyWindow window, ZoneId zone, Instant from) {
    throw new UnsupportedOperationException("implemented in the schedule work");
  }

  /**
   * When the window that is open at {@code at} closes (exclusive end), or empty if it is not open
   * at {@code at}.
   */
  public static Optional<Instant> closesAt(DailyWindow window, ZoneId zone, Instant at) {
    throw new UnsupportedOperationException("implemented in the schedule work");
  }
}
