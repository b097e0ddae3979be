/**
 * The campaign engine (the dialer), a pipeline of named steps: {@code PlanDueWork} finds the
 * campaigns whose next work has come (one indexed query) and completes the finished ones, {@code
 * ClaimCapacity} claims what every concurrency and calls-per-second cap allows, {@code
 * DispatchClaimedAttempts} places the calls when their slots come (checking the window again),
 * {@code OutcomeRecorder} decides each end and writes ends in batches, {@code ReapStaleAttempts}
 * settles the live attempts of dead nodes and expired leases. Live attempts are rows of {@code
 * live_calls} only while live; the queue belongs to the {@code queue} feature. The core ({@link
 * ai.agni.campaigns.dialer.DialerEngine}) is steppable without threads; {@code DialerLoop} runs it.
 */
package ai.agni.campaigns.dialer;
