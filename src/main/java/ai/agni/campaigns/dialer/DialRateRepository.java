package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recent starts of every calls-per-second bucket, shared by all nodes ({@code dial_rate_heads},
 * {@code dial_rate_starts}), as rings that {@link StartWindows} decides on. Used inside the placing
 * transaction: the heads are locked in key order, so two nodes placing calls of one bucket take
 * turns and each sees the other's starts.
 */
@Repository
class DialRateRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  DialRateRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Locks each bucket's head (in key order; missing buckets are created empty), resizes a ring
   * whose rate changed, and reads the slots that up to {@code calls} new starts would reuse.
   *
   * @param rates bucket key to calls per second, iterated in key order
   * @param calls bucket key to the most starts this transaction may add
   */
  Map<String, StartWindows.Ring> lock(Map<String, Double> rates, Map<String, Integer> calls) {
    if (rates.isEmpty()) {
      return Map.of();
    }
    Map<String, long[]> heads = lockHeads(rates);
    Map<String, StartWindows.Ring> rings = new HashMap<>();
    Map<String, Set<Integer>> wanted = new HashMap<>();
    Set<Integer> anySlot = new TreeSet<>();
    for (Map.Entry<String, Double> rate : rates.entrySet()) {
      String key = rate.getKey();
      int perWindow = StartWindows.callsPerWindow(rate.getValue());
      Duration window = StartWindows.windowOf(rate.getValue());
      long[] head = heads.get(key);
      // why never smaller: a rate lowered and raised again must find every start it kept.
      int size = (int) Math.max(head[0], perWindow);
      long next = head[0] == size ? head[1] : resize(key, size, window);
      Set<Integer> slots =
          StartWindows.slotsToRead(size, perWindow, next, calls.getOrDefault(key, 0));
      wanted.put(key, slots);
      anySlot.addAll(slots);
      rings.put(key, new StartWindows.Ring(size, perWindow, window, next, new HashMap<>()));
    }
    if (!anySlot.isEmpty()) {
      jdbc.sql(
              "SELECT bucket_key, slot, started_at FROM dial_rate_starts"
                  + " WHERE bucket_key IN (:keys) AND slot IN (:slots)")
          .param("keys", List.copyOf(rates.keySet()))
          .param("slots", List.copyOf(anySlot))
          .query(
              (RowCallbackHandler)
                  rs -> {
                    String key = rs.getString("bucket_key");
                    int slot = rs.getInt("slot");
                    if (wanted.get(key).contains(slot)) {
                      rings.get(key).slots().put(slot, Times.instant(rs, "started_at"));
                    }
                  });
    }
    return rings;
  }

  /**
   * Locks the heads of these buckets in one statement, in key order (PostgreSQL locks the rows as
   * the sorted scan returns them, so two placing transactions never wait for each other in a
   * cycle); creates the missing ones first. Returns ring size and next start number per key.
   */
  private Map<String, long[]> lockHeads(Map<String, Double> rates) {
    Map<String, long[]> heads = selectHeads(rates.keySet());
    if (heads.size() < rates.size()) {
      for (Map.Entry<String, Double> rate : rates.entrySet()) {
        if (!heads.containsKey(rate.getKey())) {
          create(rate.getKey(), StartWindows.callsPerWindow(rate.getValue()));
        }
      }
      heads = selectHeads(rates.keySet());
    }
    return heads;
  }

  private Map<String, long[]> selectHeads(Collection<String> keys) {
    Map<String, long[]> heads = new HashMap<>();
    jdbc.sql(
            "SELECT bucket_key, ring_size, next_start FROM dial_rate_heads"
                + " WHERE bucket_key IN (:keys) ORDER BY bucket_key FOR UPDATE")
        .param("keys", List.copyOf(keys))
        .query(
            (RowCallbackHandler)
                rs ->
                    heads.put(
                        rs.getString("bucket_key"),
                        new long[] {rs.getInt("ring_size"), rs.getLong("next_start")}));
    return heads;
  }

  private void create(String key, int size) {
    jdbc.sql(
            """
            INSERT INTO dial_rate_heads (bucket_key, ring_size, next_start) VALUES (?, ?, 0)
            ON CONFLICT DO NOTHING
            """)
        .params(key, size)
        .update();
  }

  /**
   * Stores the admitted starts and the heads' new start numbers (the heads are locked, so no one
   * else writes these slots). A slot is a row from its first start on.
   */
  void store(StartWindows.Decision decision) {
    List<Object[]> slots = new ArrayList<>();
    decision
        .written()
        .forEach(
            (key, written) ->
                written.forEach((slot, at) -> slots.add(new Object[] {Times.db(at), key, slot})));
    if (!slots.isEmpty()) {
      int[] updated =
          template.batchUpdate(
              "UPDATE dial_rate_starts SET started_at = ? WHERE bucket_key = ? AND slot = ?",
              slots);
      List<Object[]> missing = new ArrayList<>();
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          Object[] row = slots.get(i);
          missing.add(new Object[] {row[1], row[2], row[0]});
        }
      }
      if (!missing.isEmpty()) {
        template.batchUpdate(
            "INSERT INTO dial_rate_starts (bucket_key, slot, started_at) VALUES (?, ?, ?)",
            missing);
      }
    }
    List<Object[]> heads = new ArrayList<>();
    decision.next().forEach((key, next) -> heads.add(new Object[] {next, key}));
    if (!heads.isEmpty()) {
      template.batchUpdate("UPDATE dial_rate_heads SET next_start = ? WHERE bucket_key = ?", heads);
    }
  }

  /** A ring grown for a higher rate, keeping every start; returns the next start number. */
  private long resize(String key, int size, Duration window) {
    List<Instant> starts =
        jdbc.sql("SELECT started_at FROM dial_rate_starts WHERE bucket_key = ?")
            .param(key)
            .query((rs, n) -> Times.instant(rs, "started_at"))
            .list();
    StartWindows.Ring ring = StartWindows.resized(starts, size, window);
    jdbc.sql("DELETE FROM dial_rate_starts WHERE bucket_key = ?").param(key).update();
    insertSlots(key, ring.slots());
    jdbc.sql("UPDATE dial_rate_heads SET ring_size = ?, next_start = ? WHERE bucket_key = ?")
        .params(size, ring.next(), key)
        .update();
    return ring.next();
  }

  private void insertSlots(String key, Map<Integer, Instant> values) {
    List<Object[]> rows = new ArrayList<>();
    values.forEach((slot, at) -> rows.add(new Object[] {key, slot, Times.db(at)}));
    if (!rows.isEmpty()) {
      template.batchUpdate(
          "INSERT INTO dial_rate_starts (bucket_key, slot, started_at) VALUES (?, ?, ?)", rows);
    }
  }
}
