package ai.agni.campaigns.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/health}: no auth; 503 when the database does not answer. */
@RestController
class HealthController {

  private final JdbcClient jdbc;

  HealthController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/api/v1/health")
  ResponseEntity<ApiResponse<Map<String, String>>> health() {
    Map<String, String> data = new LinkedHashMap<>();
    boolean databaseUp;
    try {
      databaseUp = jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
    } catch (RuntimeException e) {
      databaseUp = false;
    }
    data.put("status", databaseUp ? "ok" : "degraded");
    data.put("database", databaseUp ? "ok" : "down");
    return ResponseEntity.status(databaseUp ? 200 : 503)
        .body(
            new ApiResponse<>(databaseUp, databaseUp ? "OK" : "Database unavailable", data, null));
  }
}
