/**
 * A campaign's dialing queue, with one owner: {@link ai.agni.campaigns.queue.QueueRepository} alone
 * writes {@code campaign_contacts} and its head row {@code campaign_queues} (the {@code
 * contactStats} counters and the campaign's next interesting instant). {@link
 * ai.agni.campaigns.queue.QueueState} holds the allowed moves; the claim's SQL differs per database
 * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, a version-guarded update on H2).
 */
package ai.agni.campaigns.queue;
