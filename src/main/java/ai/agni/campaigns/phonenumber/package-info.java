/**
 * Phone numbers the organization owns and dials from (caller IDs): import, list, release (which
 * pauses the active campaigns on the number), and {@link ai.agni.campaigns.phonenumber.E164}, the
 * one place where user input becomes an E.164 number. Other features read numbers through {@link
 * ai.agni.campaigns.phonenumber.PhoneNumberRepository#find}. Lists are in creation order.
 */
package ai.agni.campaigns.phonenumber;
