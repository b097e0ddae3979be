/**
 * The call log, the owner of {@code calls} (one row per attempt, a call session): {@link
 * ai.agni.campaigns.calllog.CallRecordRepository} writes it for the engine (a row when a call is
 * placed, once more when answered and when it ends, each guarded by {@link
 * ai.agni.campaigns.calllog.CallStatus}); the read side lists, filters and fetches sessions over
 * HTTP, a phone number's call history, and a contact's detail with its recent calls. {@link
 * ai.agni.campaigns.calllog.CallSessionView} and {@link
 * ai.agni.campaigns.calllog.CallLogRepository} are public for features that show sessions too.
 */
package ai.agni.campaigns.calllog;
