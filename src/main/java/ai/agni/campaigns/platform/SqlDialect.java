package ai.agni.campaigns.platform;

/**
 * What differs between the databases we run on, kept in one small place instead of {@code if
 * (postgres)} branches. Picked once at start-up from the JDBC product name.
 */
public interface SqlDialect {

  String name();

  /** Whether {@code SELECT ... FOR UPDATE SKIP LOCKED} is proven on this database. */
  boolean supportsSkipLocked();

  /** Whether {@code UPDATE ... RETURNING} gives back the updated rows in the one statement. */
  boolean supportsUpdateReturning();
}
