/**
 * The campaign engine (the dialer): claims due contacts of running campaigns within every
 * concurrency and calls-per-second cap, dials them through the telephony port at the moment their
 * window allows, records each outcome in one guarded transaction, reaps the calls of dead nodes and
 * completes finished campaigns. The core ({@link ai.agni.campaigns.dialer.DialerEngine}) is
 * steppable without threads; {@code DialerLoop} runs it on real threads.
 */
package ai.agni.campaigns.dialer;
