package ai.agni.campaigns.contact.importing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer of a CSV import. Counts are exact; {@code errors} lists at most the first 1,000
 * problems. {@code row} is the 1-based data row number: the first row after the header is row 1.
 */
record ImportReport(
    long imported, long updated, long skipped, long rejected, List<RowError> errors) {

  /** One problem of one row; {@code field} is a contact field, or {@code file} for the file. */
  @Schema(name = "ImportRowError")
  record RowError(long row, String field, String message) {}
}
