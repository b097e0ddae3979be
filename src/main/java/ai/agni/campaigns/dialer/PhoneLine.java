package ai.agni.campaigns.dialer;

import java.util.Map;
import java.util.UUID;

/**
 * The caller-ID number a call goes out on, with its own caps and the route its provider needs.
 *
 * @param maxConcurrent null: only the organization's cap applies
 * @param maxCps null: only the organization's rate applies
 */
record PhoneLine(
    UUID id,
    String number,
    String provider,
    Integer maxConcurrent,
    Double maxCps,
    Map<String, String> route) {}
