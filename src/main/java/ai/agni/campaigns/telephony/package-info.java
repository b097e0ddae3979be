/**
 * The telephony port: the engine places calls through {@link
 * ai.agni.campaigns.telephony.TelephonyPort} and hears back in our vocabulary (ringing, answered, a
 * closed set of outcomes), never a carrier's. Adapters live in sub-packages.
 */
package ai.agni.campaigns.telephony;
