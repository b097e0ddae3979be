package ai.agni.campaigns.contact.importing;

import ai.agni.campaigns.api.ApiError;
import ai.agni.campaigns.contact.BatchOutcome;
import java.util.ArrayList;
import java.util.List;

/** Running counts of an import, and its first {@value #MAX_ERRORS} problems. */
final class ImportTally {

  static final int MAX_ERRORS = 1_000;

  private final List<ImportReport.RowError> errors = new ArrayList<>();
  private long imported;
  private long updated;
  private long skipped;
  private long rejected;

  void reject(long row, List<ApiError.FieldError> problems) {
    rejected++;
    problems.forEach(problem -> error(row, problem.field(), problem.message()));
  }

  void error(long row, String field, String message) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(new ImportReport.RowError(row, field, message));
    }
  }

  void skipped() {
    skipped++;
  }

  void updated() {
    updated++;
  }

  void add(BatchOutcome outcome) {
    imported += outcome.created().size();
    updated += outcome.updated().size();
    skipped += outcome.skipped();
  }

  ImportReport report() {
    return new ImportReport(imported, updated, skipped, rejected, List.copyOf(errors));
  }
}
