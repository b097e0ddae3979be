package ai.agni.campaigns.calllog;

/** A 1-based page of sessions: {@code page} (default 1) of {@code page_size} (default 20). */
record SessionPage(int page, int pageSize) {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 1000;

  long offset() {
    return (long) (page - 1) * pageSize;
  }
}
