/**
 * The organization's do-not-call list: numbers (E.164) that are never dialed. Other features ask
 * {@link ai.agni.campaigns.dnc.DncRepository#contains} before dialing. Lists are in the order the
 * numbers were added.
 */
package ai.agni.campaigns.dnc;
