package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calls-per-second buckets shared by every node, one row per organization, number and campaign. A
 * bucket holds the earliest instant its next call may start. Inside the claim transaction the
 * organization's row is locked first: that serialises every claim of one organization across nodes,
 * so live counts read after it are exact and the caps hold cluster-wide.
 */
@Repository
class ThrottleBucketRepository {

  private final JdbcClient jdbc;

  ThrottleBucketRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String orgKey(UUID organizationId) {
    return "org:" + organizationId;
  }

  static String lineKey(UUID phoneNumberId) {
    return "number:" + phoneNumberId;
  }

  static String campaignKey(UUID campaignId) {
    return "campaign:" + campaignId;
  }

  /**
   * Locks the organization's bucket, then the other buckets in key order (so no two nodes
   * deadlock), and returns when each may next be used (missing rows are created free).
   */
  Map<String, Instant> lock(String orgKey, Collection<String> otherKeys, Instant now) {
    Map<String, Instant> nextFree = new HashMap<>();
    nextFree.put(orgKey, lockOne(orgKey, now));
    for (String key : new TreeSet<>(otherKeys)) {
      if (!key.equals(orgKey)) {
        nextFree.put(key, lockOne(key, now));
      }
    }
    return nextFree;
  }

  private Instant lockOne(String key, Instant now) {
    jdbc.sql(
            """
            INSERT INTO throttle_buckets (bucket_key, tokens, updated_at, next_free_at)
            VALUES (?, 1, ?, ?) ON CONFLICT DO NOTHING
            """)
        .param(key)
        .param(Times.db(now))
        .param(Times.db(now))
        .update();
    List<Instant> found =
        jdbc.sql("SELECT next_free_at FROM throttle_buckets WHERE bucket_key = ? FOR UPDATE")
            .param(key)
            .query((rs, n) -> Times.instant(rs, "next_free_at"))
            .list();
    Instant at = found.isEmpty() ? null : found.get(0);
    return at == null ? now : at;
  }

  /**
   * Stores the buckets' new next-free instants (rows are locked by this transaction). {@code
   * tokens} is kept for operators: 1 when the bucket is free now, else 0.
   */
  void store(Map<String, Instant> nextFree, Instant now) {
    for (Map.Entry<String, Instant> entry : nextFree.entrySet()) {
      int updated =
          jdbc.sql(
                  """
                  UPDATE throttle_buckets SET next_free_at = ?, tokens = ?, updated_at = ?
                  WHERE bucket_key = ?
                  """)
              .param(Times.db(entry.getValue()))
              .param(entry.getValue().isAfter(now) ? 0.0 : 1.0)
              .param(Times.db(now))
              .param(entry.getKey())
              .update();
      if (updated != 1) {
        throw new IllegalStateException(
            "Indicates a bug: locked bucket " + entry.getKey() + " updated " + updated + " rows");
      }
    }
  }
}
