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

  /**
   * Whether a bounded count over an index range should name the index's order. why: PostgreSQL
   * otherwise plans such a count as a sequential scan cut short by its LIMIT (which reads far when
   * the matching rows lie late in the table); H2 sorts every matching row when told the order.
   */
  boolean ordersBoundedCounts();
}
