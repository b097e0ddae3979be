package ai.agni.campaigns.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/health}: no auth. 200 {@code status: ok} when the database answers; else 503
 * with {@code status: degraded}, {@code code: UNAVAILABLE}, within the pool's connection timeout (1
 * s) or the probe's query timeout (1 s), so a load balancer takes the node out quickly.
 */
@Tag(name = "Operations")
@RestController
class HealthController {

  /** The health envelope: the success envelope, plus the error code when degraded. */
  @JsonPropertyOrder({"success", "message", "code", "data"})
  record Health(
      boolean success,
      String message,
      @JsonInclude(JsonInclude.Include.NON_NULL) String code,
      Map<String, String> data) {}

  private final JdbcTemplate probe;

  HealthController(DataSource dataSource) {
    this.probe = new JdbcTemplate(dataSource);
    this.probe.setQueryTimeout(1);
  }

  @Operation(summary = "Health of the service and its database (no API key)")
  @GetMapping("/api/v1/health")
  ResponseEntity<Health> health() {
    Map<String, String> data = new LinkedHashMap<>();
    boolean databaseUp;
    try {
      Integer one = probe.queryForObject("SELECT 1", Integer.class);
      databaseUp = one != null && one == 1;
    } catch (RuntimeException e) {
      databaseUp = false;
    }
    data.put("status", databaseUp ? "ok" : "degraded");
    data.put("database", databaseUp ? "ok" : "unavailable");
    return databaseUp
        ? ResponseEntity.ok(new Health(true, "OK", null, data))
        : ResponseEntity.status(ErrorCode.UNAVAILABLE.status())
            .header("Retry-After", "1")
            .body(
                new Health(
                    false,
                    ErrorResponses.DATABASE_UNAVAILABLE,
                    ErrorCode.UNAVAILABLE.name(),
                    data));
  }
}
