/**
 * Cross-cutting infrastructure with no business rules: the one {@link java.time.Clock}, ids, time
 * formatting, the SQL dialect picked from the connected database, and JDBC helpers.
 */
package ai.agni.campaigns.platform;
