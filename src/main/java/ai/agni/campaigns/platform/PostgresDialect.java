package ai.agni.campaigns.platform;

/** PostgreSQL: claims with a single {@code UPDATE ... WHERE id IN (... SKIP LOCKED)} statement. */
final class PostgresDialect implements SqlDialect {

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public boolean supportsSkipLocked() {
    return true;
  }

  @Override
  public boolean supportsUpdateReturning() {
    return true;
  }

  @Override
  public boolean ordersBoundedCounts() {
    return true;
  }
}
