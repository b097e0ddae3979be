/**
 * The simulated carrier, the default telephony provider: deterministic per seed and session id,
 * timed on the injected clock through the task timer, configured by {@code agni.simulated.*}.
 */
package ai.agni.campaigns.telephony.simulated;
