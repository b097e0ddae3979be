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
 *   <li>its {@code nextAttemptAt} is still ahead: {@link #RETRY_GAP};
 *   <li>the campaign's window is closed now: {@link #WINDOW};
 *   <li>every place it could take is held (live calls at the campaign's, the number's or the
 *       organization's concurrency cap, or the number backing off after its trunk failed): {@link
 *       #CAPACITY};
 *   <li>otherwise null: it is due and will be claimed by the next poll.
 * </ol>
 *
 * {@link #FREQUENCY_CAP} and {@link #CALLING_HOURS} belong to the organization rules of docs/api.md
 * §12 and are not produced until those are built.
 */
enum WaitingFor {
  WINDOW,
  RETRY_GAP,
  FREQUENCY_CAP,
  CALLING_HOURS,
  CAPACITY;

  /** What the campaign shows every contact of a page at one instant. */
  record CampaignNow(boolean active, boolean windowOpen, Instant now) {}

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@link #of} needs to know the capacity for this contact (it is due in a window). */
  static boolean needsCapacity(QueueState state, Instant nextAttemptAt, CampaignNow campaign) {
    return ofWithoutCapacity(state, nextAttemptAt, campaign) == null
        && state == QueueState.PENDING
        && campaign.active();
  }

  /** The reason, or null; {@code capacityFull} is only read when the other rules pass. */
  static WaitingFor of(
      QueueState state, Instant nextAttemptAt, CampaignNow campaign, boolean capacityFull) {
    WaitingFor before = ofWithoutCapacity(state, nextAttemptAt, campaign);
    if (before != null || state != QueueState.PENDING || !campaign.active()) {
      return before;
    }
    return capacityFull ? CAPACITY : null;
  }

  private static WaitingFor ofWithoutCapacity(
      QueueState state, Instant nextAttemptAt, CampaignNow campaign) {
    if (state != QueueState.PENDING || !campaign.active()) {
      return null;
    }
    if (nextAttemptAt != null && nextAttemptAt.isAfter(campaign.now())) {
      return RETRY_GAP;
    }
    return campaign.windowOpen() ? null : WINDOW;
  }
}
