package ai.agni.campaigns.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The two timestamp formats of docs/api.md §1.8 (seconds for resources, milliseconds for calls) and
 * the conversion to and from JDBC, which binds {@link OffsetDateTime} the same way on H2 and
 * PostgreSQL.
 */
public final class Times {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  /** {@code 2026-03-20T10:30:00Z}, or null. */
  public static String iso(Instant instant) {
    return instant == null ? null : SECONDS.format(instant);
  }

  /** {@code 2026-03-20T10:30:00.125Z}, or null: call times carry milliseconds. */
  public static String isoMillis(Instant instant) {
    return instant == null ? null : MILLIS.format(instant);
  }

  /** The value to bind for a timestamp column; microseconds are the most both databases keep. */
  public static OffsetDateTime db(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
