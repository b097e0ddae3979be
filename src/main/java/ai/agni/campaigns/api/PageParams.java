package ai.agni.campaigns.api;

/** A checked page of a list: {@code limit} (1..500) items from {@code offset}. */
public record PageParams(int limit, long offset) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
}
