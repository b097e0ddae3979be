/**
 * End-to-end journeys: the packaged application on a real port with the engine running on the real
 * clock, driven only through HTTP as a client of the public API would.
 */
package ai.agni.campaigns.journey;
