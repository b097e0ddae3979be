/**
 * Single calls outside campaigns ({@code POST /api/v1/calling/create-call}): validated, stored as a
 * {@code queued} call session and a row of {@code waiting_calls}, and dialed by the engine as soon
 * as the organization's, the number's and the rate caps allow.
 */
package ai.agni.campaigns.calling;
