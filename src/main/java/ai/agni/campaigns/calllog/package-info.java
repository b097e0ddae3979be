/**
 * The read side of the call log: call sessions (one {@code calls} row per attempt, written by the
 * dialer) listed, filtered and fetched over HTTP, a phone number's call history, and a contact's
 * detail with its recent calls. {@link ai.agni.campaigns.calllog.CallSessionView} and {@link
 * ai.agni.campaigns.calllog.CallLogRepository} are public for features that show sessions too.
 */
package ai.agni.campaigns.calllog;
