package ai.agni.campaigns.api;

/** Validated {@code limit} (default 50, 1..500) and {@code offset} (default 0, not negative). */
public record PageParams(int limit, long offset) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public static PageParams of(String limit, String offset) {
    int parsedLimit = limit == null || limit.isBlank() ? DEFAULT_LIMIT : parseInt("limit", limit);
    long parsedOffset = offset == null || offset.isBlank() ? 0 : parseInt("offset", offset);
    if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
      throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    if (parsedOffset < 0) {
      throw new InvalidRequestException("offset", "must not be negative");
    }
    return new PageParams(parsedLimit, parsedOffset);
  }

  static int parseInt(String field, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(field, "must be an integer");
    }
  }
}
