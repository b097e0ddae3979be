package ai.agni.campaigns.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The success envelope {@code {success, message, data}}; lists add {@code meta}. {@code meta} is
 * the only member left out when absent: data fields themselves are always emitted, null included.
 */
@JsonPropertyOrder({"success", "message", "data", "meta"})
public record ApiResponse<T>(
    boolean success, String message, T data, @JsonInclude(JsonInclude.Include.NON_NULL) Meta meta) {

  public static <T> ApiResponse<T> ok(String message, T data) {
    return new ApiResponse<>(true, message, data, null);
  }

  public static <T> ApiResponse<T> list(String message, T data, long total, PageParams page) {
    return new ApiResponse<>(true, message, data, new Meta(total, page.limit(), page.offset()));
  }

  /** Paging metadata of a list answer. */
  public record Meta(long total, int limit, long offset) {}
}
