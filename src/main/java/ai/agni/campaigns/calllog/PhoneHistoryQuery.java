package ai.agni.campaigns.calllog;

import ai.agni.campaigns.api.InvalidRequestException;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The query of {@code GET /calling/phone-history}, bound like {@link CallSessionQuery}. */
record PhoneHistoryQuery(
    @Parameter(name = "phone", required = true, description = "The callee, E.164") String phone,
    @Parameter(name = "page", description = "1-based, default 1")
        @Min(value = 1, message = "must be 1 or more")
        Integer page,
    @Parameter(name = "page_size", description = "1..1000, default 20")
        @Min(value = 1, message = "must be between 1 and " + SessionPage.MAX_SIZE)
        @Max(
            value = SessionPage.MAX_SIZE,
            message = "must be between 1 and " + SessionPage.MAX_SIZE)
        Integer pageSize) {

  CallSessionFilter filter(String region) {
    String callee = CallSessionQuery.phone("phone", phone, region);
    if (callee == null) {
      throw new InvalidRequestException("phone", "is required");
    }
    return CallSessionFilter.byCallee(callee);
  }

  SessionPage sessionPage() {
    return new SessionPage(
        page == null ? 1 : page, pageSize == null ? SessionPage.DEFAULT_SIZE : pageSize);
  }
}
