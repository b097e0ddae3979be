/**
 * Phone numbers the organization owns and dials from (caller IDs), and {@link
 * ai.agni.campaigns.phonenumber.E164}, the one place where user input becomes an E.164 number.
 */
package ai.agni.campaigns.phonenumber;
