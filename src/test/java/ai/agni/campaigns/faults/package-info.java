/**
 * Fault injection against the packaged jar: three service nodes as separate OS processes on a
 * PostgreSQL the suite starts itself, killed (SIGKILL), stopped (SIGTERM) and cut off from the
 * database while campaigns run, then audited from the database and the API. Gated by {@code
 * AGNI_TEST_FAULTS} (see {@link ai.agni.campaigns.faults.FaultsGate}); sized by {@code
 * AGNI_FAULT_CONTACTS}; run with {@code scripts/fault-injection.sh}.
 */
package ai.agni.campaigns.faults;
