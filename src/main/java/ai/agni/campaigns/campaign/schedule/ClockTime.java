package ai.agni.campaigns.campaign.schedule;

/**
 * A wall-clock time of day as the API takes it: {@code HH:mm}, 24 h, 00:00 to 23:59 (two digits
 * each, so {@code 8:00} and {@code 24:00} are refused). One rule for the campaign window and the
 * organization's calling hours.
 */
public final class ClockTime {

  /** The {@code @Pattern} of an {@code HH:mm} field. */
  public static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";

  /** The message of a field that breaks {@link #HH_MM}. */
  public static final String MESSAGE = "must be HH:mm";

  private ClockTime() {}
}
