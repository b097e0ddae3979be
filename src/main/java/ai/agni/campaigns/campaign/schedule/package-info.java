/**
 * When calls may be placed: a campaign's daily calling window in a time zone (weekdays, wall-clock
 * hours, overnight windows, DST gaps and overlaps, start and end bounds) and the retry timing of a
 * contact. Pure functions over {@code java.time}; no Spring, no database.
 */
package ai.agni.campaigns.campaign.schedule;
