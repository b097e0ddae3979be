package ai.agni.campaigns.webhook;

import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.PageQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.UUID;

/**
 * The query of {@code GET /webhooks/deliveries}, bound from the query string in either casing and
 * checked with Bean Validation; a bad value is a 400 naming the parameter.
 */
record DeliveryQuery(
    @Parameter(
            name = "status",
            schema = @Schema(allowableValues = {"pending", "delivered", "dead"}))
        @Pattern(
            regexp = "(?i)\\s*(pending|delivered|dead)?\\s*",
            message = "must be pending, delivered or dead")
        String status,
    @Parameter(
            name = "event",
            description =
                "call.completed, contact.finished, campaign.started, campaign.paused,"
                    + " campaign.resumed or campaign.completed")
        @Pattern(
            regexp =
                "\\s*(call\\.completed|contact\\.finished|campaign\\.(started|paused|resumed"
                    + "|completed))?\\s*",
            message = "must be one of the event names of docs/api.md §8")
        String event,
    @Parameter(name = "campaign_id") UUID campaignId,
    @Parameter(description = "1..500, default 50")
        @Min(value = 1, message = "must be between 1 and " + PageParams.MAX_LIMIT)
        @Max(
            value = PageParams.MAX_LIMIT,
            message = "must be between 1 and " + PageParams.MAX_LIMIT)
        Integer limit,
    @Parameter(description = "Default 0") @Min(value = 0, message = "must not be negative")
        Integer offset) {

  DeliveryFilter filter() {
    return new DeliveryFilter(blankToNull(status), blankToNull(event), campaignId);
  }

  PageParams page() {
    return new PageQuery(limit, offset).page();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
  }
}
