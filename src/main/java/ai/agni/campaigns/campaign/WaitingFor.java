package ai.agni.campaigns.campaign;

import ai.agni.campaigns.queue.QueueState;
import java.time.Instant;
import java.util.Locale;

/**
 * Why a pending contact of a running campaign is not being dialed now ({@code waitingFor} of
 * docs/api.md §13). {@link #of} is pure: the first rule that holds wins.
 *
 * <ol>
 *   <li>not pending (in a call, or final), or the campaign is not active (draft, paused, completed:
 *       its status says why nothing is dialed): null;
 *   <li>its {@code nextAttemptAt} is still ahead: the rule the engine moved it for ({@link
 *       #FREQUENCY_CAP}, {@link #CAPACITY} when its number was in another live call, {@link
 *       #WINDOW}, {@link #CALLING_HOURS}), else its {@link #RETRY_GAP};
 *   <li>its own time rules forbid a call now, in its own local time (docs/api.md §12): {@link
 *       #WINDOW} (the campaign's window, weekdays, dates or blackout dates) or {@link
 *       #CALLING_HOURS} (the organization's);
 *   <li>every place it could take is held (live calls at the campaign's, the number's or the
 *       organization's concurrency cap, or the number backing off after its trunk failed): {@link
 *       #CAPACITY};
 *   <li>otherwise null: it is due and will be claimed by the next poll.
 * </ol>
 */
enum WaitingFor {
  WINDOW,
  RETRY_GAP,
  FREQUENCY_CAP,
  CALLING_HOURS,
  CAPACITY;

  /** What the campaign shows every contact of a page at one instant. */
  record CampaignNow(boolean active, Instant now) {}

  /**
   * One contact's side: its queue state, next attempt, the engine's wait reason, and the time rule
   * that forbids a call to it now (null, {@link #WINDOW} or {@link #CALLING_HOURS}).
   */
  record ContactNow(
      QueueState state, Instant nextAttemptAt, String waitReason, WaitingFor closedBy) {}

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@link #of} needs to know the capacity for this contact (it is due in a window). */
  static boolean needsCapacity(ContactNow contact, CampaignNow campaign) {
    return ofWithoutCapacity(contact, campaign) == null
        && contact.state() == QueueState.PENDING
        && campaign.active();
  }

  /** The reason, or null; {@code capacityFull} is only read when the other rules pass. */
  static WaitingFor of(ContactNow contact, CampaignNow campaign, boolean capacityFull) {
    WaitingFor before = ofWithoutCapacity(contact, campaign);
    if (before != null || contact.state() != QueueState.PENDING || !campaign.active()) {
      return before;
    }
    return capacityFull ? CAPACITY : null;
  }

  private static WaitingFor ofWithoutCapacity(ContactNow contact, CampaignNow campaign) {
    if (contact.state() != QueueState.PENDING || !campaign.active()) {
      return null;
    }
    Instant next = contact.nextAttemptAt();
    if (next != null && next.isAfter(campaign.now())) {
      WaitingFor moved = ofWire(contact.waitReason());
      return moved == null ? RETRY_GAP : moved;
    }
    return contact.closedBy();
  }

  /** The reason of its wire name, or null for none or an unknown one. */
  static WaitingFor ofWire(String wire) {
    if (wire == null) {
      return null;
    }
    for (WaitingFor w : values()) {
      if (w.wire().equals(wire)) {
        return w;
      }
    }
    return null;
  }
}
