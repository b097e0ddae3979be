package ai.agni.campaigns.platform;

/**
 * H2, our single-node embedded store. why: H2's SKIP LOCKED support varies by version (h2database
 * PR #3831), so claims use select-then-version-guarded-update, which is correct on any database.
 */
final class H2Dialect implements SqlDialect {

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public boolean supportsSkipLocked() {
    return false;
  }

  @Override
  public boolean supportsUpdateReturning() {
    return false;
  }

  @Override
  public boolean ordersBoundedCounts() {
    return false;
  }
}
