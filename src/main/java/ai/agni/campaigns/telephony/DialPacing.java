package ai.agni.campaigns.telephony;

import ai.agni.campaigns.platform.TaskTimer;
import java.time.Clock;
import java.time.Instant;

/** How adapters hold the calls-per-second caps at the moment a call leaves. */
public final class DialPacing {

  private DialPacing() {}

  /**
   * Runs {@code send} as soon as the engine lets the call leave ({@link CallEventSink#mayDial}): at
   * once, or at the instant it names, asking again then.
   */
  public static void whenAdmitted(
      CallEventSink events, Clock clock, TaskTimer timer, Runnable send) {
    ask(events, clock, timer, send, clock.instant());
  }

  /**
   * why {@code notBefore}: a timer task runs at or after its instant; asking at that instant even
   * if a clock reads earlier (a stepped test clock) keeps a retry from ever repeating forever.
   */
  private static void ask(
      CallEventSink events, Clock clock, TaskTimer timer, Runnable send, Instant notBefore) {
    Instant now = clock.instant();
    Instant retry = events.mayDial(now.isBefore(notBefore) ? notBefore : now);
    if (retry == null) {
      try {
        send.run();
      } finally {
        events.dialed(clock.instant());
      }
    } else {
      timer.schedule(retry, () -> ask(events, clock, timer, send, retry));
    }
  }
}
