package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.Times;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Heartbeats of engine nodes ({@code engine_nodes}); a node whose beat is old is dead. */
@Repository
class EngineNodeRepository {

  private final JdbcClient jdbc;

  EngineNodeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void beat(String node, Instant now) {
    int updated =
        jdbc.sql("UPDATE engine_nodes SET heartbeat_at = ? WHERE node_id = ?")
            .param(Times.db(now))
            .param(node)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO engine_nodes (node_id, heartbeat_at) VALUES (?, ?)
              ON CONFLICT DO NOTHING
              """)
          .param(node)
          .param(Times.db(now))
          .update();
    }
  }

  /** Nodes whose last heartbeat is before {@code cutoff}. */
  List<String> deadSince(Instant cutoff) {
    return jdbc.sql("SELECT node_id FROM engine_nodes WHERE heartbeat_at < ?")
        .param(Times.db(cutoff))
        .query(String.class)
        .list();
  }

  /** Forgets a dead node once none of its calls is live (guarded: it did not come back). */
  void forget(String node, Instant cutoff) {
    jdbc.sql("DELETE FROM engine_nodes WHERE node_id = ? AND heartbeat_at < ?")
        .param(node)
        .param(Times.db(cutoff))
        .update();
  }
}
