/**
 * Cross-cutting infrastructure with no business rules: the one {@link java.time.Clock}, ids, time
 * formatting, the SQL dialect picked from the connected database, JDBC helpers, the cipher of
 * stored secrets with its key, and the owner-only data directory.
 */
package ai.agni.campaigns.platform;
