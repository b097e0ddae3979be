package ai.agni.campaigns.testsupport;

import java.util.List;

/**
 * The field names of the public reference page of {@code PATCH /api/v1/campaigns/{id}} (request
 * body and its {@code schedule}), which clients written against the public docs send.
 */
public final class ReferencePage {

  /** The request body's top-level fields. */
  public static final List<String> UPDATE_FIELDS =
      List.of(
          "id",
          "name",
          "agentId",
          "phoneNumberId",
          "fromPhoneNumber",
          "status",
          "executionStatus",
          "schedule");

  /** The fields of {@code schedule}, in the page's order. */
  public static final List<String> SCHEDULE_FIELDS =
      List.of(
          "start",
          "end",
          "windowStart",
          "windowEnd",
          "windowDays",
          "timezone",
          "maxConcurrent",
          "retryAttempts",
          "retryGapMin");

  private ReferencePage() {}
}
