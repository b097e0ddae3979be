package ai.agni.campaigns.api;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The paging query of every list: {@code limit} (default 50, 1..500) and {@code offset} (default 0,
 * not negative), bound by Spring MVC and checked with Bean Validation.
 */
public record PageQuery(
    @Parameter(description = "1..500, default 50")
        @Min(value = 1, message = RANGE)
        @Max(value = PageParams.MAX_LIMIT, message = RANGE)
        Integer limit,
    @Parameter(description = "Default 0") @Min(value = 0, message = "must not be negative")
        Integer offset) {

  static final String RANGE = "must be between 1 and " + PageParams.MAX_LIMIT;

  /** The page to read, defaults applied. */
  public PageParams page() {
    return new PageParams(
        limit == null ? PageParams.DEFAULT_LIMIT : limit, offset == null ? 0 : offset);
  }
}
